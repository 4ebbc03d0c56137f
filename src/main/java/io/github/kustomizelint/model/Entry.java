package io.github.kustomizelint.model;

/** A string a kustomization lists (a path, a URL, a name) and where it is written. */
public record Entry(String value, Location location) {}
