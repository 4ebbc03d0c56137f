package io.github.kustomizelint.resolve;

import com.google.re2j.PatternSyntaxException;
import io.github.kustomizelint.model.Resource;
import io.github.kustomizelint.model.Selector;
import java.util.function.Predicate;

/**
 * A patch target compiled once per run, however many builds apply the patch (a shared
 * component's patch is applied in every overlay that includes it).
 *
 * @param refused why kustomize refuses the selector, or null
 * @param test the compiled selector, or null when it cannot be evaluated here
 * @param kind the kind every match has had, when the selector names one literally, else null
 * @param name the name every match has had, when the selector names one literally, else null
 */
record CompiledSelector(String refused, Predicate<Resource> test, String kind, String name) {

  static CompiledSelector of(Selector s) {
    String refused = s.problem();
    if (refused != null) {
      return new CompiledSelector(refused, null, null, null);
    }
    Predicate<Resource> test;
    try {
      test = s.matcher();
    } catch (IllegalArgumentException | PatternSyntaxException e) {
      test = null;
    }
    return new CompiledSelector(null, test, literal(s.kind()), literal(s.name()));
  }

  private static String literal(String regex) {
    return regex.isEmpty() || !Selector.literal(regex) ? null : regex;
  }
}
