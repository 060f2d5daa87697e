/**
 * The demo province: an entirely synthetic prefecture of eight counties, its care network, staff
 * and patients with their histories, generated deterministically from a seed and loaded once into
 * an empty database.
 */
package org.carebridge.demo;
