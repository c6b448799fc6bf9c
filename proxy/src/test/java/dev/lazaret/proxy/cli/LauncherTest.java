package dev.lazaret.proxy.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code ./lazaret} launcher's JDK search, run by sourcing the script in bash. */
class LauncherTest {

  /** Surefire runs in proxy/, the launcher sits at the checkout root. */
  private static final Path LAUNCHER = Path.of("").toAbsolutePath().getParent().resolve("lazaret");

  @TempDir
  Path tmp;

  /** A fake JDK at {@code dir} whose java reports {@code version} like the real one does. */
  private Path fakeJdk(String dir, String version) throws IOException {
    Path bin = Files.createDirectories(tmp.resolve(dir).resolve("bin"));
    Path java = bin.resolve("java");
    Files.writeString(java, "#!/bin/sh\necho 'openjdk version \"" + version
        + "\" 2025-01-01' >&2\necho 'OpenJDK Runtime Environment' >&2\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    return tmp.resolve(dir);
  }

  /** Runs {@code script} after sourcing the launcher; returns stdout, or null if it failed. */
  private String bash(Map<String, String> env, String script) throws Exception {
    // The path goes in $1, not $0: with $0 equal to the script, sourcing would run main.
    ProcessBuilder pb = new ProcessBuilder("bash", "-c", "source \"$1\" && " + script, "bash",
        LAUNCHER.toString());
    pb.environment().clear();
    pb.environment().putAll(env);
    pb.redirectErrorStream(false);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    return p.waitFor() == 0 ? out : null;
  }

  private Map<String, String> env(String path, String jvmRoots) {
    Map<String, String> env = new HashMap<>();
    env.put("PATH", path);
    env.put("HOME", tmp.toString());
    env.put("LAZARET_JVM_ROOTS", jvmRoots);
    return env;
  }

  @Test
  void readsOldAndNewVersionStyles() throws Exception {
    Map<String, String> env = env("/usr/bin:/bin", tmp.toString());
    for (String[] c : new String[][] {{"1.8.0_392", "8"}, {"17.0.15", "17"}, {"21", "21"},
        {"25-ea", "25"}, {"21.0.2", "21"}}) {
      Path jdk = fakeJdk("v" + c[0], c[0]);
      assertThat(bash(env, "java_major '" + jdk + "/bin/java'")).isEqualTo(c[1]);
    }
  }

  @Test
  void skipsOldJavaHomeAndPathThenPicksTheNewestInstalled() throws Exception {
    Path roots = Files.createDirectories(tmp.resolve("jvm"));
    fakeJdk("jvm/jdk-8", "1.8.0_392");
    fakeJdk("jvm/jdk-21", "21.0.2");
    fakeJdk("jvm/jdk-25", "25.0.1");
    Path old = fakeJdk("old", "17.0.15");
    Map<String, String> env = env(old.resolve("bin") + ":/usr/bin:/bin", roots.toString());
    env.put("JAVA_HOME", fakeJdk("home", "1.8.0_392").toString());
    assertThat(bash(env, "find_java && echo \"$FOUND_MAJOR $FOUND_JAVA\""))
        .isEqualTo("25 " + roots.resolve("jdk-25/bin/java"));
  }

  @Test
  void prefersJavaHomeWhenItIsNewEnough() throws Exception {
    Path roots = Files.createDirectories(tmp.resolve("jvm"));
    fakeJdk("jvm/jdk-25", "25.0.1");
    Map<String, String> env = env("/usr/bin:/bin", roots.toString());
    env.put("JAVA_HOME", fakeJdk("home", "21.0.2").toString());
    assertThat(bash(env, "find_java && echo \"$FOUND_JAVA\""))
        .isEqualTo(tmp.resolve("home/bin/java").toString());
  }

  @Test
  void failsWhenNoJavaIsNewEnough() throws Exception {
    fakeJdk("jvm/jdk-17", "17.0.15");
    assertThat(bash(env("/usr/bin:/bin", tmp.resolve("jvm").toString()), "find_java")).isNull();
  }

  /** A checkout at {@code tmp/checkout} whose ./mvnw prints Maven-like noise and exits {@code rc}. */
  private Path fakeCheckout(int rc) throws IOException {
    Path checkout = Files.createDirectories(tmp.resolve("checkout"));
    Path mvnw = checkout.resolve("mvnw");
    Files.writeString(mvnw, "#!/bin/sh\necho '[INFO] maven noise'\necho '[ERROR] maven error' >&2\n"
        + "exit " + rc + "\n");
    Files.setPosixFilePermissions(mvnw, PosixFilePermissions.fromString("rwxr-xr-x"));
    return checkout;
  }

  /** Runs the launcher's build function on {@code checkout}; returns {rc, stdout, stderr}. */
  private String[] build(Path checkout) throws Exception {
    Path java = fakeJdk("jdk", "21.0.2").resolve("bin/java");
    ProcessBuilder pb = new ProcessBuilder("bash", "-c",
        "source \"$1\" && build \"$2\" \"$3\"", "bash", LAUNCHER.toString(),
        checkout.toString(), java.toString());
    pb.environment().clear();
    pb.environment().putAll(env("/usr/bin:/bin", tmp.toString()));
    pb.environment().put("TMPDIR", tmp.toString());
    Process p = pb.start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    return new String[] {String.valueOf(p.waitFor()), out, err};
  }

  @Test
  void theFirstBuildSaysWhatItIsDoingOnStderrAndHidesMaven() throws Exception {
    String[] r = build(fakeCheckout(0));
    assertThat(r[0]).isEqualTo("0");
    assertThat(r[1]).isEmpty();
    assertThat(r[2]).isEqualTo("lazaret: building Lazaret (first run, about a minute)...\n");
  }

  @Test
  void aRebuildSaysSo() throws Exception {
    Path checkout = fakeCheckout(0);
    Files.createDirectories(checkout.resolve("proxy/target"));
    Files.writeString(checkout.resolve("proxy/target/lazaret.jar"), "old");
    String[] r = build(checkout);
    assertThat(r[2]).isEqualTo("lazaret: sources changed, rebuilding (about a minute)...\n");
  }

  @Test
  void aFailedBuildShowsMavensOutput() throws Exception {
    String[] r = build(fakeCheckout(1));
    assertThat(r[0]).isEqualTo("1");
    assertThat(r[1]).isEmpty();
    assertThat(r[2]).startsWith("lazaret: building Lazaret (first run, about a minute)...\n")
        .contains("[INFO] maven noise", "[ERROR] maven error", "lazaret: build failed");
  }

  @Test
  void aClassDataArchiveOlderThanTheJarIsDeletedSoTheJvmWritesANewOne() throws Exception {
    Path target = Files.createDirectories(tmp.resolve("target"));
    Path jar = Files.writeString(target.resolve("lazaret.jar"), "new jar");
    Path jsa = Files.writeString(target.resolve("lazaret.jsa"), "archive of the old jar");
    Files.setLastModifiedTime(jsa, FileTime.fromMillis(
        Files.getLastModifiedTime(jar).toMillis() - 60_000));
    assertThat(bash(env("/usr/bin:/bin", tmp.toString()), "class_data_archive '" + jar + "'"))
        .isEqualTo(jsa.toString());
    assertThat(jsa).doesNotExist();
  }

  @Test
  void aClassDataArchiveNewerThanTheJarIsKept() throws Exception {
    Path target = Files.createDirectories(tmp.resolve("target"));
    Path jar = Files.writeString(target.resolve("lazaret.jar"), "jar");
    Path jsa = Files.writeString(target.resolve("lazaret.jsa"), "archive of this jar");
    Files.setLastModifiedTime(jar, FileTime.fromMillis(
        Files.getLastModifiedTime(jsa).toMillis() - 60_000));
    assertThat(bash(env("/usr/bin:/bin", tmp.toString()), "class_data_archive '" + jar + "'"))
        .isEqualTo(jsa.toString());
    assertThat(jsa).hasContent("archive of this jar");
  }

  /** Runs startup_class_data for a jar in tmp/target; returns the flags it chose. */
  private String classData(Path jar, String opts, int major) throws Exception {
    return classData(jar, opts, major, "serve");
  }

  private String classData(Path jar, String opts, int major, String command) throws Exception {
    return bash(env("/usr/bin:/bin", tmp.toString()), "startup_class_data '" + jar + "' '" + opts
        + "' " + major + " " + command + " && echo \"${STARTUP_FLAGS[*]}\"");
  }

  @Test
  void onlyServeRecordsAnAotCacheButEveryCommandUsesAFreshOne() throws Exception {
    Path jar = jarWithCache(-60_000, "");
    assertThat(classData(jar, "", 25, "ping")).isEmpty();
    assertThat(jar.resolveSibling("lazaret.aot")).doesNotExist();
    Path fresh = jarWithCache(60_000, "");
    assertThat(classData(fresh, "", 25, "ping"))
        .isEqualTo("-XX:AOTCache=" + fresh.resolveSibling("lazaret.aot"));
  }

  private Path jarWithCache(long cacheAgeMillis, String opts) throws IOException {
    Path target = Files.createDirectories(tmp.resolve("target"));
    Path jar = Files.writeString(target.resolve("lazaret.jar"), "jar");
    Path aot = Files.writeString(target.resolve("lazaret.aot"), "cache");
    Files.writeString(target.resolve("lazaret.aot.opts"), opts);
    Files.setLastModifiedTime(aot, FileTime.fromMillis(
        Files.getLastModifiedTime(jar).toMillis() + cacheAgeMillis));
    return jar;
  }

  @Test
  void fromJava25AFreshAotCacheIsUsed() throws Exception {
    Path jar = jarWithCache(60_000, "-Xmx1g");
    assertThat(classData(jar, "-Xmx1g", 25))
        .isEqualTo("-XX:AOTCache=" + jar.resolveSibling("lazaret.aot"));
  }

  @Test
  void anAotCacheOlderThanTheJarIsDeletedAndThisStartRecordsANewOne() throws Exception {
    Path jar = jarWithCache(-60_000, "");
    assertThat(classData(jar, "", 25))
        .isEqualTo("-XX:AOTCacheOutput=" + jar.resolveSibling("lazaret.aot"));
    assertThat(jar.resolveSibling("lazaret.aot")).doesNotExist();
  }

  @Test
  void anAotCacheRecordedWithOtherJvmOptionsIsDeletedAndRecordedAgain() throws Exception {
    Path jar = jarWithCache(60_000, "-Xmx1g");
    assertThat(classData(jar, "-Xmx2g", 25))
        .isEqualTo("-XX:AOTCacheOutput=" + jar.resolveSibling("lazaret.aot"));
    assertThat(jar.resolveSibling("lazaret.aot")).doesNotExist();
    assertThat(jar.resolveSibling("lazaret.aot.opts")).hasContent("-Xmx2g");
  }

  @Test
  void beforeJava25TheClassDataArchiveIsUsed() throws Exception {
    Path jar = jarWithCache(60_000, "");
    assertThat(classData(jar, "", 21)).isEqualTo("-XX:SharedArchiveFile="
        + jar.resolveSibling("lazaret.jsa") + " -XX:+AutoCreateSharedArchive");
  }

  @Test
  void serialGcOnOneOrTwoCoresG1FromThreeAndNoneWhenTheOptionsPickOne() throws Exception {
    Map<String, String> env = env("/usr/bin:/bin", tmp.toString());
    assertThat(bash(env, "gc_flag 1 ''")).isEqualTo("-XX:+UseSerialGC");
    assertThat(bash(env, "gc_flag 2 '-Xmx1g'")).isEqualTo("-XX:+UseSerialGC");
    assertThat(bash(env, "gc_flag 3 ''")).isEqualTo("-XX:+UseG1GC");
    assertThat(bash(env, "gc_flag 2 '-Xmx1g -XX:+UseZGC'")).isEmpty();
    assertThat(bash(env, "gc_flag 8 '-XX:+UseParallelGC'")).isEmpty();
  }

  @Test
  void onThisMachineSkipsTheDefaultJava17() throws Exception {
    String found = bash(Map.of("PATH", "/usr/bin:/bin", "HOME", tmp.toString()),
        "find_java && echo \"$FOUND_MAJOR\"");
    assumeTrue(found != null, "no JDK 21+ installed where the launcher looks");
    assertThat(Integer.parseInt(found)).isGreaterThanOrEqualTo(21);
  }
}
