/**
 * The staff UI's frame: sign-in, the main layout whose navigation shows what the user's role may use,
 * the two languages (Simplified Chinese first, English), locale-aware names, dates and numbers, and
 * charts drawn on the server.
 */
package org.carebridge.shell;
