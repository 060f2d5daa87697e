/** The command line: {@code check}, with nothing started but a connection to the database. */
@org.springframework.modulith.NamedInterface("cli")
package org.carebridge.consistency.cli;
