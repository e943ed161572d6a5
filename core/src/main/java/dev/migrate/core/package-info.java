/**
 * The shared room of the suite: errors with a location, and the sub-packages every step uses
 * (staging format, type system, schema snapshot, dialect helpers, configuration, run statistics).
 * Nothing here prints, exits, or depends on a JDBC driver.
 */
package dev.migrate.core;
