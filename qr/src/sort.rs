//! One small in-place sort for this crate and for tirkeu, which uses it too (not part of the
//! crate's API).
//!
//! The standard library's sorts are fast but large: every call site with its own element type and
//! comparison instantiates a whole driftsort or pattern-defeating quicksort, 2-8 KB of
//! WebAssembly apiece, about 30 KB in all for tirkeu. The scanner sorts a few short lists (finder
//! candidates, triples, alignment patterns, the codes found) and tirkeu a few more (table rows at
//! load, earlier stays), so one heapsort serves them all: a few hundred bytes per call site,
//! O(n log n) whatever the input (earlier stays come from the user), never allocating. It is not
//! stable; every call site sorts by a total order or by unique keys. The tests compare it with the
//! standard library's sort.

/// Sorts `items` so that no element is `less` than the one before it.
pub fn sort_by<T>(items: &mut [T], mut less: impl FnMut(&T, &T) -> bool) {
    let len = items.len();
    for start in (0..len / 2).rev() {
        sift_down(items, start, len, &mut less);
    }
    for end in (1..len).rev() {
        items.swap(0, end);
        sift_down(items, 0, end, &mut less);
    }
}

/// Sorts `items` by a key.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a) < key(b));
}

/// Sorts `items` in their natural order.
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, |a, b| a < b);
}

/// Restores the max-heap property below `node` within `items[..end]`.
fn sift_down<T>(
    items: &mut [T],
    mut node: usize,
    end: usize,
    less: &mut impl FnMut(&T, &T) -> bool,
) {
    loop {
        // `node < end / 2` whenever a child exists, so `2 * node + 2` cannot overflow.
        let left = 2 * node + 1;
        let (Some(left_item), right_item) =
            (items.get(left).filter(|_| left < end), items.get(left + 1))
        else {
            return;
        };
        let child = match right_item {
            Some(right) if left + 1 < end && less(left_item, right) => left + 1,
            _ => left,
        };
        match (items.get(node), items.get(child)) {
            (Some(parent), Some(larger)) if less(parent, larger) => items.swap(node, child),
            _ => return,
        }
        node = child;
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn sorts_like_the_standard_library(mut items in proptest::collection::vec(any::<i16>(), 0..300)) {
            let mut expected = items.clone();
            expected.sort();
            sort(&mut items);
            prop_assert_eq!(items, expected);
        }

        #[test]
        fn sorts_by_key_and_by_comparison(mut items in proptest::collection::vec((0u8..8, any::<u16>()), 0..200)) {
            let mut by_key = items.clone();
            sort_by_key(&mut by_key, |&(k, v)| (k, v));
            sort_by(&mut items, |a, b| a < b);
            let mut expected = by_key.clone();
            expected.sort();
            prop_assert_eq!(&by_key, &expected);
            prop_assert_eq!(items, expected);
        }

        #[test]
        fn sorts_pairs_like_the_standard_library(mut items in proptest::collection::vec((0u8..8, any::<i16>()), 0..300)) {
            let mut expected = items.clone();
            expected.sort();
            sort_by(&mut items, |a, b| a < b);
            prop_assert_eq!(items, expected);
        }
    }

    #[test]
    fn empty_single_and_equal_elements() {
        let mut empty: [u8; 0] = [];
        sort(&mut empty);
        let mut one = [7];
        sort(&mut one);
        assert_eq!(one, [7]);
        let mut same = [3; 17];
        sort(&mut same);
        assert_eq!(same, [3; 17]);
    }
}
