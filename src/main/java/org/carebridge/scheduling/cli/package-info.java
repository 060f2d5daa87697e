/** The command line: {@code solve} and {@code generate}, without starting Spring or a web server. */
@org.springframework.modulith.NamedInterface("cli")
package org.carebridge.scheduling.cli;
