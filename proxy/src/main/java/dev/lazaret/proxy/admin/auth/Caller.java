package dev.lazaret.proxy.admin.auth;

import dev.lazaret.proxy.config.Role;

/**
 * Who is calling the admin API: the name and role of the token presented.
 *
 * @param name the token's name, recorded as the actor of every write
 * @param role what the token may do
 */
public record Caller(String name, Role role) {
}
