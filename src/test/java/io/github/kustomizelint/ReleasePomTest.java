package io.github.kustomizelint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** The pom carries what Maven Central refuses a bundle without, and a release profile. */
class ReleasePomTest {

  @Test
  void pomHasWhatCentralRequires() throws Exception {
    Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(Path.of("pom.xml").toFile());
    XPath x = XPathFactory.newInstance().newXPath();
    List<String> missing = new ArrayList<>();
    for (String path : List.of("/project/name", "/project/description", "/project/url",
        "/project/licenses/license/name", "/project/licenses/license/url",
        "/project/developers/developer/name", "/project/scm/url", "/project/scm/connection",
        "/project/scm/developerConnection")) {
      if (x.evaluate(path, pom).isBlank()) {
        missing.add(path);
      }
    }
    for (String plugin : List.of("maven-source-plugin", "maven-javadoc-plugin",
        "maven-gpg-plugin", "central-publishing-maven-plugin")) {
      String version = x.evaluate("/project/profiles/profile[id='release']/build/plugins/plugin["
          + "artifactId='" + plugin + "']/version", pom);
      if (version.isBlank()) {
        missing.add("release profile: " + plugin + " with a pinned version");
      }
    }
    assertEquals(List.of(), missing);
    assertFalse(x.evaluate("/project/version", pom).isBlank());
  }
}
