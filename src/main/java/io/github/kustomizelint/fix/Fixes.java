package io.github.kustomizelint.fix;

import java.util.List;

/** Every fixer, in the order their fixes are tried. */
public final class Fixes {

  private static final List<Fixer> ALL = List.of(
      new MoveNewObjectToResources(),
      new MigrateDeprecatedField(),
      new RemoveUnusedSuppression(),
      new SplitManifest(),
      new SplitPatchFile());

  private Fixes() {}

  public static List<Fixer> all() {
    return ALL;
  }
}
