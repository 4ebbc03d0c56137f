package io.github.kustomizelint.render;

import io.github.kustomizelint.model.Resource;
import io.github.kustomizelint.model.ResourceId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which builds can hold an ambiguous name reference ("found multiple possible referrals"):
 * only those where two objects of a kind references name share a name in their id histories,
 * so only those are rendered for {@code name-reference-ambiguous} ({@link ContentFailures}).
 */
public final class NameReferenceFailures {

  private NameReferenceFailures() {}

  /** The kinds references name of which two objects share a name in their id histories. */
  public static Set<String> sharedKinds(List<Resource> resources) {
    Map<String, Resource> seen = new HashMap<>();
    Set<String> shared = new HashSet<>();
    for (Resource res : resources) {
      Set<String> own = new HashSet<>();
      for (ResourceId id : res.ids()) {
        if (NameReferences.REFERRED_KINDS.contains(id.kind())) {
          own.add(id.kind() + "/" + id.name());
        }
      }
      for (String key : own) {
        if (seen.putIfAbsent(key, res) != null) {
          shared.add(key.substring(0, key.indexOf('/'))); // kinds hold no '/'
        }
      }
    }
    return shared;
  }
}
