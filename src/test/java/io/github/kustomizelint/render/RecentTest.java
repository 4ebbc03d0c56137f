package io.github.kustomizelint.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class RecentTest {

  @Test
  void dropsTheLeastRecentlyUsedBeyondItsWeight() {
    Recent<String, String> r = new Recent<>(10);
    r.put("a", "A", 4);
    r.put("b", "B", 4);
    assertEquals("A", r.get("a")); // a is now the most recent
    r.put("c", "C", 4);
    assertNull(r.get("b"));
    assertEquals("A", r.get("a"));
    assertEquals("C", r.get("c"));
  }

  @Test
  void keepsNothingHeavierThanItsWhole() {
    Recent<String, String> r = new Recent<>(10);
    r.put("big", "X", 11);
    assertNull(r.get("big"));
    r.put("a", "A", 10);
    assertEquals("A", r.get("a"));
  }
}
