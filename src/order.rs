//! One sort for the whole crate. Each `sort_by` or `sort_by_key` with its own closure compiles
//! the standard library's sort again, a dozen functions each time: in the WebAssembly they
//! were the largest part of `core` (issue 14, bench/SIZES.md). These helpers sort positions
//! through the one instance in [`positions`] and then move the items into place, so every
//! caller shares it. Stable, like the standard `sort_by`.

use std::cmp::Ordering;

/// Sorts `items` by `cmp`, keeping equal items in their order (as `slice::sort_by`).
pub fn sort_by<T>(items: &mut [T], cmp: impl Fn(&T, &T) -> Ordering) {
    if items.len() < 2 {
        return;
    }
    let mut order: Vec<usize> = (0..items.len()).collect();
    positions(&mut order, &|a, b| cmp(&items[a], &items[b]));
    permute(items, &order);
}

/// Sorts `items` by a key, keeping equal items in their order (as `slice::sort_by_key`).
pub fn sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` in their natural order (as `slice::sort`).
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

/// Sorts positions by what they point at, as `cmp` compares two positions: the crate's one
/// instance of the standard sort (the comparison is called through a pointer).
pub fn positions(order: &mut [usize], cmp: &dyn Fn(usize, usize) -> Ordering) {
    order.sort_by(|&a, &b| cmp(a, b));
}

/// Puts the item at `order[i]` at `i`, following each cycle of the permutation once.
fn permute<T>(items: &mut [T], order: &[usize]) {
    let mut placed = vec![false; items.len()];
    for start in 0..items.len() {
        let mut at = start;
        while !placed[at] {
            placed[at] = true;
            let from = order[at];
            if from == start {
                break;
            }
            // `items[at]` holds the cycle's first item until its place comes round.
            items.swap(at, from);
            at = from;
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The same order as the standard library's stable sort, equal keys included.
        #[test]
        fn matches_the_standard_stable_sort(keys in proptest::collection::vec(0u8..6, 0..60)) {
            let items: Vec<(u8, usize)> = keys.into_iter().zip(0..).collect();
            let mut ours = items.clone();
            sort_by_key(&mut ours, |&(k, _)| k);
            let mut theirs = items;
            theirs.sort_by_key(|&(k, _)| k);
            prop_assert_eq!(ours, theirs);
        }
    }

    #[test]
    fn sorts_reversed_and_natural_orders() {
        let mut v = vec![5, 3, 9, 1, 1, 0];
        sort_by(&mut v, |a, b| b.cmp(a));
        assert_eq!(v, [9, 5, 3, 1, 1, 0]);
        sort(&mut v);
        assert_eq!(v, [0, 1, 1, 3, 5, 9]);
        let mut words = vec!["pear".to_string(), "apple".into(), "fig".into()];
        sort(&mut words);
        assert_eq!(words, ["apple", "fig", "pear"]);
    }
}
