//! Maps and sets keyed by words, with a fast hasher: the engine looks words up thousands
//! of times per check, and the standard SipHash (built to resist crafted keys from a
//! network) costs more than the look-up itself. The keys here come from the person's own
//! entry and the rule data, so a fixed seed is fine and keeps runs reproducible.

pub type FastMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::FixedState>;
pub type FastSet<T> = std::collections::HashSet<T, foldhash::fast::FixedState>;
