package io.github.kustomizelint.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The records whose equals and hashCode are written out (to spare a cold build the
 * invokedynamic bootstrap) compare every component, as the generated ones did.
 */
class WrittenRecordEqualityTest {

  @ParameterizedTest
  @ValueSource(strings = {"io.github.kustomizelint.model.ResourceId",
      "io.github.kustomizelint.model.Selector", "io.github.kustomizelint.render.FieldSpec",
      "io.github.kustomizelint.render.Gvk", "io.github.kustomizelint.render.NameReferences$Spec",
      "io.github.kustomizelint.render.NameReferences$KindName",
      "io.github.kustomizelint.render.TransformerConfig"})
  void everyComponentCounts(String name) throws Exception {
    Class<?> type = Class.forName(name);
    RecordComponent[] parts = type.getRecordComponents();
    Class<?>[] types = new Class<?>[parts.length];
    for (int i = 0; i < parts.length; i++) {
      types[i] = parts[i].getType();
    }
    Constructor<?> make = type.getDeclaredConstructor(types);
    make.setAccessible(true);
    Object one = make.newInstance(values(types, -1));
    Object same = make.newInstance(values(types, -1));
    assertEquals(one, same);
    assertEquals(one.hashCode(), same.hashCode());
    // the generated hashCode's formula, so hash-ordered output does not change
    int h = 0;
    for (Object v : values(types, -1)) {
      h = 31 * h + (v instanceof Boolean b ? Boolean.hashCode(b) : java.util.Objects.hashCode(v));
    }
    assertEquals(h, one.hashCode());
    for (int i = 0; i < parts.length; i++) {
      assertNotEquals(one, make.newInstance(values(types, i)), parts[i].getName());
    }
  }

  // one value per component; the one at index changed
  private static Object[] values(Class<?>[] types, int changed) throws Exception {
    Object[] out = new Object[types.length];
    for (int i = 0; i < types.length; i++) {
      boolean other = i == changed;
      Class<?> t = types[i];
      if (t == String.class) {
        out[i] = other ? "b" + i : "a" + i;
      } else if (t == boolean.class) {
        out[i] = other;
      } else if (t == List.class) {
        out[i] = other ? List.of("x", "y") : List.of("x");
      } else if (t == Map.class) {
        out[i] = other ? Map.of("k", List.of()) : Map.of();
      } else if (t == Location.class) {
        out[i] = new Location(Path.of("f.yaml"), other ? 2 : 1, 1);
      } else {
        // a nested record (Gvk): built the same way
        Class<?>[] inner = java.util.Arrays.stream(t.getRecordComponents())
            .map(RecordComponent::getType).toArray(Class<?>[]::new);
        Constructor<?> c = t.getDeclaredConstructor(inner);
        c.setAccessible(true);
        out[i] = c.newInstance(values(inner, other ? 0 : -1));
      }
    }
    return out;
  }
}
