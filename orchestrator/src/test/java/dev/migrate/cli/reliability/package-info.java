/**
 * Reliability and security tests of the whole command line (issue 7): a data-driven catalogue of
 * bad inputs (each with its message, exit code and an untouched target), secrets never written
 * anywhere, owner-only files, identifier injection, killed and disconnected runs, concurrent
 * writers, full disks and TLS. They run the real CLI, in-process or in a forked JVM, against the
 * embedded PostgreSQL and real SQLite files.
 */
package dev.migrate.cli.reliability;
