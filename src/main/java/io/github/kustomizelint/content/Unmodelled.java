package io.github.kustomizelint.content;

import io.github.kustomizelint.model.Location;

/**
 * Thrown when content uses something the render layer does not model yet: the output would
 * be a guess, so no output is written and the caller reports the feature and where it is.
 */
public final class Unmodelled extends RuntimeException {

  private final transient Location at;

  public Unmodelled(String feature, Location at) {
    super(feature, null, false, false);
    this.at = at;
  }

  public String feature() {
    return getMessage();
  }

  /** Where the unmodelled thing is written, or null when it has no one place. */
  public Location at() {
    return at;
  }
}
