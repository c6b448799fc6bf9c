package dev.lazaret.policy.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * HTTP requests, sockets and DNS: a module that does networking being required or imported,
 * {@code fetch}, {@code XMLHttpRequest}, web sockets, and download tools ({@code curl},
 * {@code wget}, PowerShell's web cmdlets). On its own this is what every HTTP library does; it
 * matters by where it is (a file run at install) and what comes with it.
 */
final class NetworkCalls implements Detector {

  /** Modules whose only job is networking. */
  private static final Set<String> MODULES = Set.of("http", "https", "http2", "net", "tls",
      "dgram", "dns", "node-fetch", "axios", "got", "undici", "request", "superagent", "needle",
      "ws", "socket.io-client", "cross-fetch", "isomorphic-fetch", "phin", "ky");
  /** Calls and commands that reach the network wherever they appear. */
  static final List<String> CALLS = List.of("fetch(", "XMLHttpRequest", "WebSocket(",
      "sendBeacon(", "axios.", "axios(", "urlopen(", "requests.get(", "requests.post(",
      "urllib.request", "socket.socket(", "/dev/tcp/");
  /** Command-line download tools, also when a script hands them to a child process. */
  static final List<String> DOWNLOADERS = List.of("curl ", "wget ", "Invoke-WebRequest",
      "Invoke-RestMethod", "iwr ", "irm ", "DownloadString(", "DownloadFile(", "Net.WebClient",
      "-urlcache", "bitsadmin /transfer");
  /** What introduces a module name: {@code require(}, dynamic {@code import(}, {@code from}. */
  private static final List<String> MODULE_INTRODUCERS = List.of("require(", "import(", "from");

  @Override
  public List<CodeFinding> detect(SourceText text, Set<CodeFinding.Kind> foundSoFar) {
    List<CodeFinding> out = new ArrayList<>();
    if (text.language() == Language.JAVASCRIPT) {
      for (String introducer : MODULE_INTRODUCERS) {
        for (int at : text.find(introducer)) {
          String module = moduleAfter(text, at + introducer.length());
          if (module != null && MODULES.contains(module)) {
            out.add(text.finding(CodeFinding.Kind.NETWORK_CALL, at));
          }
        }
      }
    }
    for (String call : CALLS) {
      text.find(call).forEach(at -> out.add(text.finding(CodeFinding.Kind.NETWORK_CALL, at)));
    }
    for (String tool : DOWNLOADERS) {
      text.find(tool).forEach(at -> out.add(text.finding(CodeFinding.Kind.NETWORK_CALL, at)));
    }
    return out;
  }

  /** The module named by the string literal at {@code from} (after blanks), without node:. */
  private static String moduleAfter(SourceText text, int from) {
    int i = from;
    int limit = Math.min(text.length(), from + 8);
    while (i < limit && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    if (i >= text.length()) {
      return null;
    }
    char quote = text.charAt(i);
    if (quote != '\'' && quote != '"' && quote != '`') {
      return null;
    }
    String rest = text.after(i + 1, 40);
    int close = rest.indexOf(quote);
    if (close < 0) {
      return null;
    }
    String name = rest.substring(0, close);
    return name.startsWith("node:") ? name.substring(5) : name;
  }
}
