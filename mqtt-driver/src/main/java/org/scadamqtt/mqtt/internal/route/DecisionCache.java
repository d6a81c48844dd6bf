package org.scadamqtt.mqtt.internal.route;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bounded concurrent cache with two generations: lookups hit the young map, then the old map
 * (and a hit there is copied to the young one); when the young map is full it becomes the old map
 * and the previous old map is dropped. Eviction is one reference swap, and entries used within the
 * last generation survive it, which is close enough to LRU for topic routing.
 *
 * <p>Thread-safe. Under races a few entries may be lost or counted twice; that only costs a
 * recomputation of a deterministic decision.
 */
final class DecisionCache<K, V> {

    private final int generationSize;
    private volatile ConcurrentHashMap<K, V> young;
    private volatile ConcurrentHashMap<K, V> old;
    private final AtomicInteger youngCount = new AtomicInteger();

    /** @param maxEntries upper bound of entries held (both generations together) */
    DecisionCache(int maxEntries) {
        if (maxEntries < 2) {
            throw new IllegalArgumentException("cache size must be at least 2, was " + maxEntries);
        }
        this.generationSize = maxEntries / 2;
        this.young = new ConcurrentHashMap<>();
        this.old = new ConcurrentHashMap<>();
    }

    V get(K key) {
        V value = young.get(key);
        if (value != null) {
            return value;
        }
        value = old.get(key);
        if (value != null) {
            put(key, value);
        }
        return value;
    }

    void put(K key, V value) {
        if (young.put(key, value) == null && youngCount.incrementAndGet() >= generationSize) {
            rotate();
        }
    }

    private synchronized void rotate() {
        if (youngCount.get() < generationSize) {
            return; // another thread rotated already
        }
        old = young;
        young = new ConcurrentHashMap<>();
        youngCount.set(0);
    }

    /** @return entries held now (approximate under concurrent use) */
    int size() {
        return young.size() + old.size();
    }
}
