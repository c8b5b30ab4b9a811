//! One small in-place sort for the whole crate.
//!
//! The standard library's sorts are fast but large: every call site with its own element type and
//! comparison instantiates a whole driftsort or pattern-defeating quicksort, 2-8 KB of
//! WebAssembly apiece. The scanner sorts a few short lists (finder candidates, triples, alignment
//! patterns, the codes found), so one heapsort serves them all: a few hundred bytes per call site,
//! O(n log n) whatever the input, never allocating. It is not stable; every call site sorts by a
//! total order or by unique keys.

/// Sorts `items` so that no element is `less` than the one before it.
pub(crate) fn sort_by<T>(items: &mut [T], mut less: impl FnMut(&T, &T) -> bool) {
    let len = items.len();
    for start in (0..len / 2).rev() {
        sift_down(items, start, len, &mut less);
    }
    for end in (1..len).rev() {
        items.swap(0, end);
        sift_down(items, 0, end, &mut less);
    }
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
        fn sorts_like_the_standard_library(mut items in proptest::collection::vec((0u8..8, any::<i16>()), 0..300)) {
            let mut expected = items.clone();
            expected.sort();
            sort_by(&mut items, |a, b| a < b);
            prop_assert_eq!(items, expected);
        }
    }
}
