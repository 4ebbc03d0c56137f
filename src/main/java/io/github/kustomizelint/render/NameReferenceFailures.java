package io.github.kustomizelint.render;

import io.github.kustomizelint.content.Unmodelled;
import io.github.kustomizelint.model.Kustomization;
import io.github.kustomizelint.model.Problem;
import io.github.kustomizelint.model.Resource;
import io.github.kustomizelint.model.ResourceId;
import io.github.kustomizelint.resolve.Occurrence;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The check's view of name references: a build where two objects of one kind share a name in
 * their id histories is rendered, and a reference kustomize finds several referrals for
 * ("found multiple possible referrals") is reported at the referring field, for that build
 * (name references are fixed at the top of each build). Where rendering meets anything
 * unmodelled first, nothing is claimed.
 */
public final class NameReferenceFailures {

  private NameReferenceFailures() {}

  public static List<Occurrence> find(List<Kustomization> kustomizations, Renderer renderer,
      Function<Path, List<Resource>> resources) {
    List<Occurrence> out = new ArrayList<>();
    for (Kustomization k : kustomizations) {
      if (k.component() || !sharesAName(resources.apply(k.dir()))) {
        continue;
      }
      Unmodelled stop = renderer.stoppedBy(k.dir(), NameReferences.AMBIGUOUS);
      if (stop == null) {
        continue;
      }
      String what = stop.feature().substring(NameReferences.AMBIGUOUS.length());
      out.add(new Occurrence(new Problem(Problem.Kind.NAME_REFERENCE_AMBIGUOUS, stop.at(), "name reference" + what + ": give the reference a namespace,"
              + " or the objects distinct names"), k.dir()));
    }
    return out;
  }

  private static boolean sharesAName(List<Resource> resources) {
    return !sharedKinds(resources).isEmpty();
  }

  /**
   * The kinds references name of which two objects share a name in their id histories: only
   * those can make a reference ambiguous.
   */
  static Set<String> sharedKinds(List<Resource> resources) {
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
