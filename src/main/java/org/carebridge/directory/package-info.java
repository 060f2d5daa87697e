/**
 * The care network: counties (regions) with their population and whether they are underserved,
 * facilities from village clinic to prefecture hospital, practitioners with specialties, languages
 * and weekly availability, and diagnostic equipment, fixed or mobile.
 */
package org.carebridge.directory;
