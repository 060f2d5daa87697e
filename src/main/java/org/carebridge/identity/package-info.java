/**
 * Who is at the keyboard: staff accounts and their roles, sign-in for the API and the UI, the
 * patients each user has a reason to see, and the append-only audit of every access to patient data.
 */
package org.carebridge.identity;
