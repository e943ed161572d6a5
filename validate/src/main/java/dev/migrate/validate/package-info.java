/**
 * The validate step: compares a source and a target (PostgreSQL, SQLite or a staging directory,
 * in either direction) table by table — row counts, an order-independent checksum over
 * canonical values, the first differing keys — and runs integrity checks, tenant checks and
 * optional domain rules. {@link dev.migrate.validate.Validator} is the entry point; it returns a
 * {@link dev.migrate.validate.ValidationReport} and writes it as {@code validation_report.json}.
 */
package dev.migrate.validate;
