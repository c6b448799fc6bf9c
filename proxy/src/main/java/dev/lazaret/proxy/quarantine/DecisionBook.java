package dev.lazaret.proxy.quarantine;

import dev.lazaret.policy.AnalystDecision;
import dev.lazaret.policy.Decisions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Analyst decisions: stored with the hold's new state and their audit entry in one atomic write,
 * kept in memory by package (there are few), and announced so that the package's verdict is
 * redone at once.
 */
public final class DecisionBook {

  private final QuarantineState state;
  private final Map<String, List<AnalystDecision>> byPackage = new ConcurrentHashMap<>();
  private volatile Consumer<String> onChange = name -> { };
  private final List<Consumer<AnalystDecision>> decisionListeners = new CopyOnWriteArrayList<>();

  private DecisionBook(QuarantineState state) {
    this.state = state;
  }

  /** Loads every decision stored in {@code state}. */
  public static DecisionBook load(QuarantineState state) {
    DecisionBook book = new DecisionBook(state);
    state.decisions().forEach(book::remember);
    return book;
  }

  /** Called with a package name whenever a decision about it is made. */
  public void onChange(Consumer<String> listener) {
    this.onChange = listener;
  }

  /**
   * Calls {@code listener} after every decision has been stored with its audit entry: for
   * notifications.
   */
  public void onDecision(Consumer<AnalystDecision> listener) {
    decisionListeners.add(listener);
  }

  /** The decisions about {@code packageName}. */
  public Decisions forPackage(String packageName) {
    List<AnalystDecision> list = byPackage.get(packageName);
    return list == null ? Decisions.none() : Decisions.of(list);
  }

  /**
   * Stores {@code decision} (replacing an earlier one for the same version) together with the
   * hold's new state and its audit entry, then makes it effective.
   *
   * @return the hold as it now stands, if the version was ever recorded
   */
  public Optional<HoldRecord> decide(AnalystDecision decision) {
    return switch (decide(decision, true)) {
      case DecisionOutcome.Decided d -> d.hold();
      case DecisionOutcome.Refused r -> throw new IllegalStateException("replacing refused");
    };
  }

  /**
   * Stores {@code decision} as {@link QuarantineState#decide} does and, unless it was refused,
   * makes it effective.
   */
  public DecisionOutcome decide(AnalystDecision decision, boolean replace) {
    DecisionOutcome outcome;
    // The memory follows the store in the same order, even when decisions replace each other.
    synchronized (this) {
      outcome = state.decide(decision, replace);
      if (outcome instanceof DecisionOutcome.Decided) {
        remember(decision);
      }
    }
    if (outcome instanceof DecisionOutcome.Decided) {
      onChange.accept(decision.packageName());
      decisionListeners.forEach(l -> l.accept(decision));
    }
    return outcome;
  }

  /**
   * Reloads the decisions about {@code packageName} from the state (another node decided) and,
   * if they differ from those in memory, announces the package so its verdict is redone. The
   * decision listeners are not called: the node that decided has sent the notifications.
   *
   * @throws StateUnavailableException if the state cannot be read
   */
  public void reload(String packageName) {
    boolean changed;
    // Under the lock a local decision is either fully in the state and memory, or not begun.
    synchronized (this) {
      changed = replace(packageName, state.decisionsOf(packageName));
    }
    if (changed) {
      onChange.accept(packageName);
    }
  }

  /**
   * Reloads every decision from the state (announcements may have been missed) and announces
   * each package whose decisions differ from those in memory.
   *
   * @throws StateUnavailableException if the state cannot be read
   */
  public void reloadAll() {
    List<String> changed = new ArrayList<>();
    synchronized (this) {
      Map<String, List<AnalystDecision>> stored = new HashMap<>();
      state.decisions().forEach(
          d -> stored.computeIfAbsent(d.packageName(), k -> new ArrayList<>()).add(d));
      Set<String> names = new HashSet<>(byPackage.keySet());
      names.addAll(stored.keySet());
      for (String name : names) {
        if (replace(name, stored.getOrDefault(name, List.of()))) {
          changed.add(name);
        }
      }
    }
    changed.forEach(onChange);
  }

  /** Makes {@code stored} the decisions about {@code packageName}; whether that changed any. */
  private boolean replace(String packageName, List<AnalystDecision> stored) {
    List<AnalystDecision> before = byPackage.getOrDefault(packageName, List.of());
    if (new HashSet<>(before).equals(new HashSet<>(stored))) {
      return false;
    }
    // One swap: a judgement running meanwhile sees the old decisions or the new, never none.
    Map<String, AnalystDecision> byVersion = new LinkedHashMap<>();
    stored.forEach(d -> byVersion.put(d.version(), d));
    if (byVersion.isEmpty()) {
      byPackage.remove(packageName);
    } else {
      byPackage.put(packageName, List.copyOf(byVersion.values()));
    }
    return true;
  }

  private void remember(AnalystDecision d) {
    byPackage.compute(d.packageName(), (k, list) -> {
      List<AnalystDecision> updated = new ArrayList<>();
      if (list != null) {
        list.stream().filter(x -> !x.version().equals(d.version())).forEach(updated::add);
      }
      updated.add(d);
      return List.copyOf(updated);
    });
  }
}
