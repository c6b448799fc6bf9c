package dev.lazaret.proxy.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * A small registry's worth of generated packages forming one dependency tree: ten packages
 * (two scoped), ranges that must not pick the highest version ({@code ^1} below a 2.0.0,
 * {@code ~1.0.0} below a 1.1.0), a prerelease under a {@code next} tag, and a three-deep chain.
 * With prefix {@code p}, installing {@code p-top} resolves to {@link #expectedTree()}.
 *
 * <pre>
 * p-top@1.1.0
 * ├── p-left@1.2.0 ── p-leaf@1.0.0, p-shared@1.0.1, p-deep-1 ── p-deep-2 ── p-deep-3
 * ├── @p/right@2.1.0 ── p-twig@1.0.5, @p/util@0.3.1
 * └── p-shared@1.0.1
 * </pre>
 *
 * @param root     the package to install to pull the whole tree
 * @param packages every package, each dependency before its dependents
 */
public record Corpus(String root, List<GeneratedPackage> packages) {

  public Corpus {
    packages = List.copyOf(packages);
  }

  static Corpus generate(PackageGenerator gen, String p) {
    String scope = "@" + p + "/";
    List<GeneratedPackage> all = List.of(
        gen.pkg(p + "-deep-3").version("1.0.0").done(),
        gen.pkg(p + "-deep-2").version("1.0.0", v -> v.dependsOn(p + "-deep-3", "^1.0.0")).done(),
        gen.pkg(p + "-deep-1").version("1.0.0", v -> v.dependsOn(p + "-deep-2", "^1.0.0")).done(),
        gen.pkg(p + "-leaf").version("1.0.0").done(),
        gen.pkg(p + "-shared").version("1.0.0").version("1.0.1").version("2.0.0").done(),
        gen.pkg(p + "-twig").version("1.0.0").version("1.0.5").version("1.1.0").done(),
        gen.pkg(scope + "util").version("0.3.0").version("0.3.1").version("0.4.0-beta.1")
            .distTag("next", "0.4.0-beta.1").done(),
        gen.pkg(p + "-left")
            .version("1.0.0", v -> v.dependsOn(p + "-leaf", "^1.0.0"))
            .version("1.2.0", v -> v.dependsOn(p + "-leaf", "^1.0.0")
                .dependsOn(p + "-shared", "^1.0.0").dependsOn(p + "-deep-1", "^1.0.0"))
            .done(),
        gen.pkg(scope + "right")
            .version("2.0.0", v -> v.dependsOn(p + "-twig", "~1.0.0"))
            .version("2.1.0", v -> v.dependsOn(p + "-twig", "~1.0.0")
                .dependsOn(scope + "util", "^0.3.0"))
            .done(),
        gen.pkg(p + "-top")
            .version("1.0.0", v -> v.dependsOn(p + "-left", "^1.0.0"))
            .version("1.1.0", v -> v.dependsOn(p + "-left", "^1.0.0")
                .dependsOn(scope + "right", "^2.0.0").dependsOn(p + "-shared", "^1.0.0"))
            .done());
    return new Corpus(p + "-top", all);
  }

  /** One package by name. */
  public GeneratedPackage get(String name) {
    return packages.stream().filter(pkg -> pkg.name().equals(name)).findFirst()
        .orElseThrow(() -> new NoSuchElementException(name + " is not in this corpus"));
  }

  /** What installing {@link #root()} must resolve to: package name to version. */
  public Map<String, String> expectedTree() {
    String p = root.substring(0, root.length() - "-top".length());
    Map<String, String> tree = new LinkedHashMap<>();
    tree.put(p + "-top", "1.1.0");
    tree.put(p + "-left", "1.2.0");
    tree.put(p + "-leaf", "1.0.0");
    tree.put(p + "-shared", "1.0.1");
    tree.put(p + "-deep-1", "1.0.0");
    tree.put(p + "-deep-2", "1.0.0");
    tree.put(p + "-deep-3", "1.0.0");
    tree.put("@" + p + "/right", "2.1.0");
    tree.put(p + "-twig", "1.0.5");
    tree.put("@" + p + "/util", "0.3.1");
    return tree;
  }
}
