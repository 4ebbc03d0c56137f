package io.github.kustomizelint.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.github.kustomizelint.content.YNode;
import io.github.kustomizelint.content.YNode.YMap;
import io.github.kustomizelint.model.ResourceId;
import java.util.List;
import org.junit.jupiter.api.Test;

class BuildIdsTest {

  private static YMap object(String apiVersion, String kind, String name) {
    YMap meta = YMap.empty().with("name", YNode.YScalar.string(name));
    return YMap.empty().with("apiVersion", YNode.YScalar.string(apiVersion))
        .with("kind", YNode.YScalar.string(kind)).with("metadata", meta);
  }

  private static YMap renamed(YMap o, String name) {
    return o.with("metadata", Objects.metadata(o).with("name", YNode.YScalar.string(name)));
  }

  @Test
  void renamesKeepEveryPreviousIdOldestFirst() {
    YMap o = object("apps/v1", "Deployment", "web");
    o = renamed(BuildIds.storePrevious(o), "p-web");
    o = renamed(BuildIds.storePrevious(o), "p-web-s");
    assertEquals(List.of(new ResourceId("apps", "v1", "Deployment", "web", "default"),
        new ResourceId("apps", "v1", "Deployment", "p-web", "default")), BuildIds.previous(o));
    assertEquals("web", BuildIds.original(o).name());
    assertEquals(List.of("p-web-s", "web", "p-web"),
        BuildIds.all(o).stream().map(ResourceId::name).toList());
  }

  @Test
  void clusterScopedIdsStoreKustomizesNonNamespace() {
    YMap o = BuildIds.storePrevious(object("rbac.authorization.k8s.io/v1", "ClusterRole", "r"));
    assertEquals("_non_namespaceable_", BuildIds.previous(o).get(0).namespace());
  }

  @Test
  void neverRenamedObjectIsItsOwnOriginal() {
    YMap o = object("v1", "ConfigMap", "c");
    assertEquals(List.of(), BuildIds.previous(o));
    assertEquals(Objects.id(o), BuildIds.original(o));
  }

  @Test
  void affixesAreListedInTheOrderAdded() {
    YMap o = BuildIds.addPrefix(BuildIds.addPrefix(object("v1", "ConfigMap", "c"), "b-"), "a-");
    assertEquals(List.of("b-", "a-"), BuildIds.prefixes(o));
    assertEquals(List.of(), BuildIds.suffixes(o));
    assertEquals(o, BuildIds.addSuffix(o, ""));
  }

  @Test
  void stripRemovesOnlyBuildAnnotations() {
    YMap o = object("v1", "ConfigMap", "c");
    YMap kept = Objects.updateMap(o, List.of("metadata", "annotations"),
        a -> a.with("team", YNode.YScalar.string("x")));
    YMap built = BuildIds.addPrefix(BuildIds.storePrevious(kept), "p-");
    assertEquals(kept, BuildIds.strip(built));
    YMap bare = BuildIds.strip(BuildIds.storePrevious(o));
    assertEquals(List.of(), ((YMap) Objects.metadata(bare).get("annotations")).fields());
    assertNull(Objects.metadata(BuildIds.strip(o)).get("annotations"));
  }
}
