package org.scadamqtt.mqtt.internal.route;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides which station of a line receives a message, exactly as D2000 KOM does:
 * <ol>
 *   <li>a station with address {@code #} takes every message and nothing else is searched;</li>
 *   <li>else the station whose address equals the topic;</li>
 *   <li>else the stations whose address, read as a regular expression, matches the whole topic,
 *       tried in descending order of address ({@code status/battery} before {@code status/batt.*});</li>
 *   <li>else the station with address {@code .*}; else no station.</li>
 * </ol>
 * Two stations with the same address: the one whose name sorts first wins (configuration
 * validation should warn about it). An address that is not a valid regular expression only matches
 * its exact topic.
 *
 * <p>Decisions (including "no station") are cached per topic in a bounded cache, so a repeated topic
 * costs one hash lookup whatever the number of stations. A first-seen topic tries only the
 * expressions whose literal prefix starts the topic. Every expression evaluation has a step budget;
 * an evaluation that exceeds it (catastrophic backtracking) counts as "no match" for that station,
 * is counted in {@link #abortedEvaluations()} and logged at most every 10 seconds.
 *
 * <p>Immutable configuration, thread-safe: {@link #route(String)} may be called from any thread.
 */
public final class StationRouter {

    private static final Logger LOG = LoggerFactory.getLogger(StationRouter.class);

    /** Address of the station that takes every message. */
    public static final String ALL = "#";
    /** Address of the station that takes messages no other station takes. */
    public static final String REST = ".*";
    /** Default number of cached topic decisions. */
    public static final int DEFAULT_CACHE_SIZE = 50_000;
    /** Topics longer than this are not cached (bounds cache memory against hostile topics). */
    public static final int MAX_CACHED_TOPIC_LENGTH = 512;
    /** Fixed part of the per-evaluation step budget (characters read by the regex engine). */
    public static final long BASE_STEP_BUDGET = 100_000;
    /** Per-character part of the per-evaluation step budget. */
    public static final long STEPS_PER_TOPIC_CHAR = 100;

    private static final long LOG_INTERVAL_NANOS = 10_000_000_000L;

    private final Optional<String> allStation;
    private final Optional<String> restStation;
    private final Map<String, Optional<String>> exact;
    /** Regex stations in priority order (descending address). */
    private final Pattern[] patterns;
    private final Optional<String>[] patternStations;
    private final String[] patternAddresses;
    private final RegexIndex index;
    private final DecisionCache<String, Optional<String>> cache;
    private final int stationCount;

    private final LongAdder regexEvaluations = new LongAdder();
    private final LongAdder aborted = new LongAdder();
    private final AtomicLong nextLogNanos = new AtomicLong(System.nanoTime());

    @SuppressWarnings("unchecked")
    private StationRouter(List<RouteEntry> stations, int cacheSize) {
        List<RouteEntry> sorted = new ArrayList<>(stations);
        // name order decides between equal addresses; stable sort keeps it within each address
        sorted.sort(Comparator.comparing(RouteEntry::station));
        Map<String, Optional<String>> names = new HashMap<>();
        Optional<String> all = Optional.empty();
        Optional<String> rest = Optional.empty();
        Map<String, Optional<String>> exactMap = new HashMap<>(sorted.size() * 2);
        List<RouteEntry> regexes = new ArrayList<>();
        for (RouteEntry entry : sorted) {
            Optional<String> name = names.computeIfAbsent(entry.station(), Optional::of);
            String address = entry.address();
            if (address.equals(ALL)) {
                all = all.isPresent() ? all : name;
            } else if (address.equals(REST)) {
                rest = rest.isPresent() ? rest : name;
            } else {
                exactMap.putIfAbsent(address, name);
                if (!RegexIndex.isPlainLiteral(address)) {
                    regexes.add(entry); // a plain literal as a regex matches only itself: step 2 covers it
                }
            }
        }
        regexes.sort(Comparator.comparing(RouteEntry::address, Comparator.reverseOrder()));
        List<Pattern> compiled = new ArrayList<>();
        List<Optional<String>> owners = new ArrayList<>();
        List<String> addresses = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        String previous = null;
        for (RouteEntry entry : regexes) {
            if (entry.address().equals(previous)) {
                continue; // same address: the first by name already has it
            }
            previous = entry.address();
            try {
                compiled.add(Pattern.compile(entry.address()));
            } catch (PatternSyntaxException e) {
                LOG.info("Station '{}': address '{}' is not a valid regular expression ({}); it receives only "
                        + "messages whose topic is exactly '{}'.", entry.station(), entry.address(),
                        e.getDescription(), entry.address());
                continue;
            }
            owners.add(names.get(entry.station()));
            addresses.add(entry.address());
            prefixes.add(RegexIndex.literalPrefix(entry.address()));
        }
        this.allStation = all;
        this.restStation = rest;
        this.exact = exactMap;
        this.patterns = compiled.toArray(new Pattern[0]);
        this.patternStations = owners.toArray(new Optional[0]);
        this.patternAddresses = addresses.toArray(new String[0]);
        this.index = new RegexIndex(prefixes);
        this.cache = new DecisionCache<>(cacheSize);
        this.stationCount = stations.size();
    }

    /**
     * Builds a router for the stations of one line.
     *
     * @param stations station names and addresses (order does not matter)
     * @return the router
     */
    public static StationRouter of(List<RouteEntry> stations) {
        return of(stations, DEFAULT_CACHE_SIZE);
    }

    /**
     * Builds a router with a given cache size.
     *
     * @param stations  station names and addresses
     * @param cacheSize most topic decisions kept (at least 2)
     * @return the router
     */
    public static StationRouter of(List<RouteEntry> stations, int cacheSize) {
        Objects.requireNonNull(stations, "stations");
        return new StationRouter(stations, cacheSize);
    }

    /**
     * Finds the station for a topic. Runs on the caller's thread (the MQTT client callback): a
     * cached topic costs one lookup; a new one an exact lookup plus the candidate expressions,
     * each bounded by its step budget.
     *
     * @param topic the topic of a received message
     * @return the station name, or empty when no station takes the topic
     */
    public Optional<String> route(String topic) {
        if (allStation.isPresent()) {
            return allStation;
        }
        Objects.requireNonNull(topic, "topic");
        boolean cacheable = topic.length() <= MAX_CACHED_TOPIC_LENGTH;
        if (cacheable) {
            Optional<String> cached = cache.get(topic);
            if (cached != null) {
                return cached;
            }
        }
        Optional<String> decision = decide(topic);
        if (cacheable) {
            cache.put(topic, decision);
        }
        return decision;
    }

    private Optional<String> decide(String topic) {
        Optional<String> station = exact.get(topic);
        if (station != null) {
            return station;
        }
        if (patterns.length > 0) {
            long budget = BASE_STEP_BUDGET + STEPS_PER_TOPIC_CHAR * topic.length();
            for (int rank : index.candidates(topic)) {
                if (matches(rank, topic, budget)) {
                    return patternStations[rank];
                }
            }
        }
        return restStation;
    }

    private boolean matches(int rank, String topic, long budget) {
        regexEvaluations.increment();
        try {
            return patterns[rank].matcher(new BudgetedText(topic, budget)).matches();
        } catch (BudgetedText.BudgetExceeded | StackOverflowError e) {
            // StackOverflowError: java.util.regex recurses per repetition on long topics; treat like the budget
            aborted.increment();
            logAborted(rank, topic, e instanceof StackOverflowError ? "ran out of stack" : "exceeded its step budget");
            return false;
        }
    }

    private void logAborted(int rank, String topic, String how) {
        long now = System.nanoTime();
        long next = nextLogNanos.get();
        if (now - next >= 0 && nextLogNanos.compareAndSet(next, now + LOG_INTERVAL_NANOS)) {
            String shown = topic.length() <= 120 ? topic : topic.substring(0, 120) + "...";
            LOG.warn("Station '{}': its address '{}' read as a regular expression {} on topic '{}' ({} characters); "
                    + "treated as no match. {} such evaluation(s) since the stations were configured; simplify the address "
                    + "(avoid nested repetition such as (a+)+).", patternStations[rank].orElse("?"),
                    patternAddresses[rank], how, shown, topic.length(), aborted.sum());
        }
    }

    /** @return how many regular-expression evaluations gave up (step budget or stack); for line statistics */
    public long abortedEvaluations() {
        return aborted.sum();
    }

    /** @return how many regular-expression evaluations ran (cache misses only); for tests and statistics */
    public long regexEvaluations() {
        return regexEvaluations.sum();
    }

    /** @return how many topic decisions are cached now (approximate) */
    public int cachedDecisions() {
        return cache.size();
    }

    /** @return the number of stations the router was built with */
    public int stationCount() {
        return stationCount;
    }

    /** @return the number of addresses tried as regular expressions (valid and not plain literals) */
    public int regexCount() {
        return patterns.length;
    }

    @Override
    public String toString() {
        return "StationRouter[" + stationCount + " stations, " + patterns.length + " regular expressions"
                + allStation.map(s -> ", all to " + s).orElse("") + restStation.map(s -> ", rest to " + s).orElse("")
                + "]";
    }
}
