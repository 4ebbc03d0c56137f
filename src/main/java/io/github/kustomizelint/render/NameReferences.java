package io.github.kustomizelint.render;

import io.github.kustomizelint.content.Unmodelled;
import io.github.kustomizelint.content.Values;
import io.github.kustomizelint.content.YNode;
import io.github.kustomizelint.content.YNode.YMap;
import io.github.kustomizelint.content.YNode.YScalar;
import io.github.kustomizelint.content.YNode.YSeq;
import io.github.kustomizelint.model.Resource;
import io.github.kustomizelint.model.ResourceId;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * kustomize's name-reference transformer (api/filters/nameref), run once at the root after
 * every kustomization's steps: each field its built-in table (namereference.tsv) names is
 * pointed at the object it meant before renames, found by previous ids and narrowed as
 * kustomize narrows (namespace, roleRef kind, prefixes and suffixes). Where kustomize finds
 * several ("found multiple possible referrals") or fails, {@link Unmodelled} at the field.
 */
final class NameReferences {

  record Spec(Gvk target, Gvk referrer, List<String> path, boolean roleRef) {
    // written out: a record's generated equals and hashCode link through invokedynamic, which
    // costs a cold build milliseconds per class (ObjectMethods bootstrap)
    @Override
    public boolean equals(Object other) {
      return other instanceof Spec o && target.equals(o.target)
          && referrer.equals(o.referrer)
          && path.equals(o.path)
          && roleRef == o.roleRef;
    }

    @Override
    public int hashCode() {
      int h = target.hashCode();
      h = 31 * h + referrer.hashCode();
      h = 31 * h + path.hashCode();
      h = 31 * h + Boolean.hashCode(roleRef);
      return h;
    }
  }

  static final List<Spec> SPECS = load();

  /** The kinds a reference can name (every built-in spec names its target's kind). */
  static final Set<String> REFERRED_KINDS = SPECS.stream().map(s -> s.target().kind())
      .collect(java.util.stream.Collectors.toSet());

  /** How an ambiguous reference is named, for {@link ContentFailures}. */
  static final String AMBIGUOUS = "an ambiguous name reference";

  private NameReferences() {}

  /** An object as a possible referral: its ids and affixes, read once. */
  private record Candidate(YMap o, ResourceId cur, List<ResourceId> previous,
      List<String> prefixes, List<String> suffixes) {
    static Candidate of(YMap o) {
      return new Candidate(o, Objects.id(o), BuildIds.previous(o), BuildIds.prefixes(o),
          BuildIds.suffixes(o));
    }

    ResourceId org() {
      return previous.isEmpty() ? cur : previous.get(0);
    }

    String namespace() {
      String ns = Objects.metadata(o).string("namespace");
      return ns == null ? "" : ns;
    }
  }

  static List<YMap> apply(List<YMap> objects) {
    return apply(objects, List.of());
  }

  /** With the specs configurations files add ({@link TransformerConfig}). */
  static List<YMap> apply(List<YMap> objects, List<Spec> added) {
    List<Spec> specs = TransformerConfig.with(SPECS, added);
    List<Candidate> all = objects.stream().map(Candidate::of).toList();
    List<YMap> out = new ArrayList<>();
    for (Candidate r : all) {
      ResourceId org = r.org();
      YMap next = r.o();
      List<Candidate> subset = null;
      for (Spec s : specs) {
        if (s.referrer().selects(org)) {
          if (subset == null) {
            subset = couldBeReferencedBy(r, all);
          }
          next = (YMap) FieldPath.update(next, s.path(), new Fix(s, r, subset)::set);
        }
      }
      out.add(next);
    }
    return out;
  }

  /** One field spec applied to one referrer (kustomize's nameref.Filter). */
  private record Fix(Spec spec, Candidate referrer, List<Candidate> candidates) {

    YNode set(YNode node) {
      if (KustomizationContent.absent(node)) {
        return node;
      }
      if (node instanceof YSeq s) {
        List<YNode> items = new ArrayList<>();
        for (YNode item : s.items()) {
          if (item instanceof YSeq) {
            throw new Unmodelled("a name reference list holding a list (kustomize fails)",
                item.at());
          }
          items.add(set(item));
        }
        return new YSeq(items, s.at());
      }
      return node instanceof YMap m ? setMapping(m) : setScalar((YScalar) node);
    }

    private YNode setScalar(YScalar node) {
      Candidate c = select(node.value(), candidates, node, false);
      return c == null || name(c).equals(node.value()) ? node : YScalar.string(name(c));
    }

    private YNode setMapping(YMap node) {
      YNode nameNode = node.get("name");
      if (!(nameNode instanceof YScalar oldName)) {
        throw new Unmodelled("a name reference without a scalar 'name' field (kustomize fails)",
            node.at());
      }
      Candidate c = select(oldName.value(), byNamespace(node), nameNode, true);
      if (c == null || name(c).equals(oldName.value()) && c.namespace().isEmpty()) {
        return node;
      }
      YMap next = node.with("name", YScalar.string(name(c)));
      return c.namespace().isEmpty() ? next : next.with("namespace",
          YScalar.string(c.namespace()));
    }

    // A reference with a namespace looks among objects first in it, else now in it.
    private List<Candidate> byNamespace(YMap node) {
      if (!(node.get("namespace") instanceof YScalar ns)) {
        if (node.get("namespace") != null) {
          throw new Unmodelled("a name reference's namespace that is not a scalar", node.at());
        }
        return candidates;
      }
      List<Candidate> original = candidates.stream().filter(c -> !c.org().clusterScoped()
          && c.org().effectiveNamespace().equals(ns.value())).toList();
      if (!original.isEmpty()) {
        return original;
      }
      return candidates.stream().filter(c -> !c.cur().clusterScoped()
          && c.cur().effectiveNamespace().equals(ns.value())).toList();
    }

    private Candidate select(String oldName, List<Candidate> from, YNode at, boolean mapping) {
      List<Candidate> c = sieve(from, x -> x.previous().stream()
          .anyMatch(id -> id.name().equals(oldName)));
      c = sieve(c, x -> x.previous().stream().anyMatch(spec.target()::selects));
      Gvk roleRef = spec.roleRef() ? roleRefGvk(referrer.o()) : null;
      if (roleRef != null) {
        c = sieve(c, x -> x.previous().stream().anyMatch(roleRef::selects));
      }
      if (!referrer.cur().clusterScoped()) {
        c = sieve(c, x -> x.cur().clusterScoped() || Objects.kind(x.o()).equals("ServiceAccount")
            || x.cur().effectiveNamespace().equals(referrer.cur().effectiveNamespace()));
      }
      if (c.size() == 1) {
        return c.get(0);
      }
      c = sieve(c, x -> affixesMatch(x, referrer, true));
      if (c.size() > 1) {
        c = sieve(c, x -> affixesMatch(x, referrer, false));
      }
      if (c.size() <= 1) {
        return c.isEmpty() ? null : c.get(0);
      }
      Candidate first = c.get(0);
      if (c.stream().allMatch(x -> name(x).equals(name(first))
          && (!mapping || x.namespace().equals(first.namespace())))) {
        return first;
      }
      throw new Unmodelled(AMBIGUOUS + " to " + spec.target().kind() + " '" + oldName
          + "' could mean " + String.join(" or ", c.stream().map(x -> x.cur().toString())
          .toList()) + "; kustomize fails (found multiple possible referrals)", at.at());
    }
  }

  // kustomize's SubsetThatCouldBeReferencedByResource.
  private static List<Candidate> couldBeReferencedBy(Candidate r, List<Candidate> all) {
    if (r.cur().clusterScoped()) {
      return all;
    }
    Set<String> subjectNamespaces = roleBindingNamespaces(r.o());
    return sieve(all, c -> c.cur().clusterScoped()
        || c.cur().effectiveNamespace().equals(r.cur().effectiveNamespace())
        || subjectNamespaces.contains(c.namespace()));
  }

  private static Set<String> roleBindingNamespaces(YMap o) {
    Set<String> out = new HashSet<>();
    if (!Objects.kind(o).equals("RoleBinding") || !(o.get("subjects") instanceof YSeq s)) {
      return out;
    }
    for (YNode subject : s.items()) {
      if (!(subject instanceof YMap m)) {
        throw new Unmodelled("a RoleBinding subject that is not a map", subject.at());
      }
      YNode ns = m.get("namespace");
      YNode kind = m.get("kind");
      if (ns == null || kind == null) {
        continue;
      }
      if (!(kind instanceof YScalar k) || !(Values.scalar(k) instanceof String kindName)) {
        throw new Unmodelled("a RoleBinding subject kind that is not a string", kind.at());
      }
      if (kindName.equals("ServiceAccount")) {
        if (!(ns instanceof YScalar n) || !(Values.scalar(n) instanceof String nsName)) {
          throw new Unmodelled("a ServiceAccount subject with a blank or non-string namespace"
              + " (kustomize fails: namespace is blank)", ns.at());
        }
        out.add(nsName);
      }
    }
    return out;
  }

  private static Gvk roleRefGvk(YMap o) {
    if (!(o.get("roleRef") instanceof YMap ref)) {
      return null;
    }
    YNode group = ref.get("apiGroup");
    YNode kind = ref.get("kind");
    if (!(group instanceof YScalar g) || !(kind instanceof YScalar k)) {
      return null;
    }
    return new Gvk(g.value(), "", k.value());
  }

  // kustomize's PrefixesSuffixesEquals; allowEmpty lets an object without affixes match.
  private static boolean affixesMatch(Candidate c, Candidate r, boolean allowEmpty) {
    boolean prefixes = allowEmpty && (c.prefixes().isEmpty() || r.prefixes().isEmpty())
        || sameEnding(c.prefixes(), r.prefixes());
    boolean suffixes = allowEmpty && (c.suffixes().isEmpty() || r.suffixes().isEmpty())
        || sameEnding(c.suffixes(), r.suffixes());
    return prefixes && suffixes;
  }

  private static boolean sameEnding(List<String> a, List<String> b) {
    List<String> shorter = a.size() <= b.size() ? a : b;
    List<String> longer = a.size() <= b.size() ? b : a;
    if (shorter.isEmpty()) {
      return longer.isEmpty();
    }
    return longer.subList(longer.size() - shorter.size(), longer.size()).equals(shorter);
  }

  private static String name(Candidate c) {
    return c.cur().name();
  }

  private static List<Candidate> sieve(List<Candidate> from, Predicate<Candidate> keep) {
    return from.stream().filter(keep).toList();
  }

  /** The kinds references name of which two objects share a name in their id histories. */
  static Set<String> sharedKinds(List<Resource> resources) {
    Map<KindName, Integer> seen = new HashMap<>();
    Set<String> shared = new HashSet<>();
    for (int i = 0; i < resources.size(); i++) {
      for (ResourceId id : resources.get(i).ids()) {
        // an object's own ids (its names over the build) never count against each other
        if (REFERRED_KINDS.contains(id.kind())) {
          Integer first = seen.putIfAbsent(new KindName(id.kind(), id.name()), i);
          if (first != null && first != i) {
            shared.add(id.kind());
          }
        }
      }
    }
    return shared;
  }

  private record KindName(String kind, String name) {
    // written out: a record's generated equals and hashCode link through invokedynamic, which
    // costs a cold build milliseconds per class (ObjectMethods bootstrap)
    @Override
    public boolean equals(Object other) {
      return other instanceof KindName o && kind.equals(o.kind)
          && name.equals(o.name);
    }

    @Override
    public int hashCode() {
      int h = kind.hashCode();
      h = 31 * h + name.hashCode();
      return h;
    }
}

  private static List<Spec> load() {
    try (InputStream in = NameReferences.class.getResourceAsStream("namereference.tsv")) {
      if (in == null) {
        throw new IllegalStateException("namereference.tsv is not packaged");
      }
      List<Spec> out = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] c = line.split("\t");
        Gvk target = new Gvk(any(c[0]), any(c[1]), any(c[2]));
        Gvk referrer = new Gvk(any(c[3]), any(c[4]), any(c[5]));
        out.add(new Spec(target, referrer, FieldSpec.split(c[6]), c[6].endsWith("roleRef/name")));
      }
      return List.copyOf(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String any(String column) {
    return column.equals("-") ? "" : column;
  }
}
