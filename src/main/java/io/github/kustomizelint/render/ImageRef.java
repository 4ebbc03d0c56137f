package io.github.kustomizelint.render;

import com.google.re2j.Pattern;

/**
 * One {@code images} entry and kustomize's image-reference rules (api/internal/image and the
 * imagetag updater): which values it matches, and what a matched value becomes.
 */
record ImageRef(String name, String newName, String newTag, String digest, String tagSuffix,
    Pattern matcher) {

  /**
   * kustomize puts the name into a Go regular expression unquoted (IsImageMatched), so '.'
   * matches any character; re2j reads the same syntax.
   */
  static ImageRef of(String name, String newName, String newTag, String digest,
      String tagSuffix) {
    return new ImageRef(name, newName, newTag, digest, tagSuffix,
        Pattern.compile("^" + name + "(:[a-zA-Z0-9_.{}-]*)?(@sha256:[a-zA-Z0-9_.{}-]*)?$"));
  }

  /** The new value of an image field, or null when this entry does not match it. */
  String update(String value) {
    if (!matcher.matcher(value).find()) {
      return null;
    }
    String[] parts = split(value);
    String n = newName.isEmpty() ? parts[0] : newName;
    String tag = parts[1];
    String dig = parts[2];
    if (!newTag.isEmpty() && !digest.isEmpty()) {
      tag = newTag;
      dig = digest;
    } else if (!newTag.isEmpty()) {
      tag = newTag;
      dig = "";
    } else if (!digest.isEmpty()) {
      tag = "";
      dig = digest;
    } else if (!tagSuffix.isEmpty()) {
      tag += tagSuffix;
      dig = "";
    }
    return n + (tag.isEmpty() ? "" : ":" + tag) + (dig.isEmpty() ? "" : "@" + dig);
  }

  /**
   * kustomize's image.Split: name, tag and digest; ':' and '@' are looked for after the
   * first '/' only (so a registry port is not a tag).
   */
  static String[] split(String image) {
    int slash = image.indexOf('/');
    int from = slash > 0 ? slash : 0;
    String search = image.substring(from);
    int at = search.indexOf('@');
    int colon = search.indexOf(':');
    if (colon < 0 && at < 0) {
      return new String[] {image, "", ""};
    }
    if (at >= 0 && (at < colon || colon < 0)) {
      return new String[] {image.substring(0, from + at), "", image.substring(from + at + 1)};
    }
    if (at >= 0) {
      return new String[] {image.substring(0, from + colon),
          image.substring(from + colon + 1, from + at), image.substring(from + at + 1)};
    }
    return new String[] {image.substring(0, from + colon), image.substring(from + colon + 1),
        ""};
  }
}
