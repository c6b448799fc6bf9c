package dev.lazaret.policy.content;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reading credentials: {@code .npmrc} and npm tokens, GitHub and cloud tokens, SSH keys,
 * credential files, wallets, or the whole environment at once. A single variable such as
 * {@code process.env.NODE_ENV} is configuration, not a secret; {@code JSON.stringify(process.env)}
 * or {@code Object.keys(process.env)} collects everything, tokens included.
 */
final class SecretReads implements Detector {

  /** What a whole-environment read is called in sentences. */
  static final String WHOLE_ENVIRONMENT = "the whole environment";

  /** Tokens naming a secret, in the words a sentence uses for it. */
  private static final Map<String, String> TARGETS = targets();
  /** Calls that, given {@code process.env} itself, read every variable. */
  private static final List<String> WHOLE_ENV_CALLS = List.of("stringify", "keys", "entries",
      "values", "getOwnPropertyNames");
  /** Whole-environment reads in shell, PowerShell and Python. */
  private static final List<String> WHOLE_ENV_COMMANDS = List.of("printenv", "env |",
      "Get-ChildItem env:", "gci env:", "dict(os.environ", "json.dumps(os.environ",
      "str(os.environ");

  private static Map<String, String> targets() {
    Map<String, String> t = new LinkedHashMap<>();
    t.put(".npmrc", "~/.npmrc");
    for (String npm : List.of("_authToken", "NPM_TOKEN", "NODE_AUTH_TOKEN")) {
      t.put(npm, "npm tokens");
    }
    for (String gh : List.of("GITHUB_TOKEN", "GH_TOKEN", "gh auth token", "'auth', 'token'",
        "\"auth\", \"token\"", "'auth','token'", "\"auth\",\"token\"", ".git-credentials")) {
      t.put(gh, "GitHub credentials");
    }
    for (String ssh : List.of(".ssh", "id_rsa", "id_ed25519", "id_ecdsa")) {
      t.put(ssh, "SSH keys");
    }
    for (String cloud : List.of(".aws/credentials", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
        "169.254.169.254", "application_default_credentials", "GOOGLE_APPLICATION_CREDENTIALS",
        "AZURE_CLIENT_SECRET", ".docker/config.json", ".kube/config")) {
      t.put(cloud, "cloud credentials");
    }
    for (String file : List.of(".netrc", ".pypirc", ".bash_history", ".zsh_history")) {
      t.put(file, "credential files");
    }
    for (String wallet : List.of("wallet.dat", ".ethereum/keystore", "Exodus/exodus.wallet",
        "Login Data")) {
      t.put(wallet, "wallets or browser logins");
    }
    return t;
  }

  @Override
  public List<CodeFinding> detect(SourceText text, Set<CodeFinding.Kind> foundSoFar) {
    List<CodeFinding> out = new ArrayList<>();
    // Excerpts start at the match, so that targetOf names what was matched, not a neighbour.
    for (String token : TARGETS.keySet()) {
      text.find(token).forEach(at -> out.add(text.finding(CodeFinding.Kind.SECRET_READ, at, 0)));
    }
    for (int at : text.find("process.env")) {
      String call = wholeEnvironmentCall(text, at);
      if (call != null) {
        out.add(new CodeFinding(CodeFinding.Kind.SECRET_READ, text.path(), text.lineOf(at),
            call + "process.env"));
      }
    }
    for (String command : WHOLE_ENV_COMMANDS) {
      text.find(command).forEach(at -> out.add(text.finding(CodeFinding.Kind.SECRET_READ, at,
          0)));
    }
    return out;
  }

  /** What {@code excerpt} of a secret-read finding reads, in words ("~/.npmrc"). */
  static String targetOf(String excerpt) {
    String best = null;
    int bestAt = Integer.MAX_VALUE;
    for (Map.Entry<String, String> e : TARGETS.entrySet()) {
      int at = excerpt.indexOf(e.getKey());
      if (at >= 0 && at < bestAt) {
        best = e.getValue();
        bestAt = at;
      }
    }
    // A named secret wins: process.env.NPM_TOKEN reads npm tokens, not the whole environment.
    if (best != null) {
      return best;
    }
    boolean whole = List.of("process.env", "printenv", "env |", "env:", "os.environ").stream()
        .anyMatch(excerpt::contains);
    return whole ? WHOLE_ENVIRONMENT : "credentials";
  }

  /**
   * How {@code process.env} at {@code at} is read whole ({@code "JSON.stringify("},
   * {@code "for (k in "}), or null if it is not: it must be passed as such (not {@code .NAME}
   * or {@code [name]}) to a serialiser or enumerator, or walked with for-in.
   */
  private static String wholeEnvironmentCall(SourceText text, int at) {
    String after = text.after(at + "process.env".length(), 4).stripLeading();
    if (after.startsWith(".") || after.startsWith("[") || after.startsWith("?.")) {
      return null;
    }
    String before = text.before(at, 40).stripTrailing();
    if (before.endsWith(" in") || before.endsWith("(in")) {
      return "for (... in ";
    }
    if (!before.endsWith("(")) {
      return null;
    }
    String call = before.substring(0, before.length() - 1).stripTrailing();
    for (String c : WHOLE_ENV_CALLS) {
      if (call.endsWith("." + c)) {
        int begin = call.length() - c.length() - 1;
        while (begin > 0 && SourceText.isNameChar(call.charAt(begin - 1))) {
          begin--;
        }
        return call.substring(begin) + "(";
      }
    }
    return null;
  }
}
