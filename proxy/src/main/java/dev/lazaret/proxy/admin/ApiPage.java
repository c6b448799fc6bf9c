package dev.lazaret.proxy.admin;

import java.util.List;

/**
 * One page of a listing: {@code {"items": [...], "next": ...}}.
 *
 * @param items the page
 * @param next  what to pass to get the next page ({@code cursor} or {@code since}), or
 *              {@code null} on the last page
 * @param <T>   the item type
 */
public record ApiPage<T>(List<T> items, Object next) {
}
