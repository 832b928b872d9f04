package org.caravan.infrastructure;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

final class Databases {

    private Databases() {}

    /** Creates the database unless it exists: each service owns one and no other service reads it. */
    static void create(String maintenanceJdbcUrl, String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("Not a plain database name: " + name);
        }
        try (Connection connection =
                DriverManager.getConnection(maintenanceJdbcUrl, PostgresServer.USER, PostgresServer.PASSWORD)) {
            var exists = connection.prepareStatement("select 1 from pg_database where datname = ?");
            exists.setString(1, name);
            if (!exists.executeQuery().next()) {
                connection.createStatement().execute("create database " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name, e);
        }
    }
}
