using System;
using System.Collections.Generic;
using System.Linq;

namespace Deepfake.Cli.Output
{
    /// <summary>
    /// Puts items that arrive in completion order back in input order: each is released as soon as every item
    /// before it has been, so only the items that finished early are held (about the throttle's worth, more while
    /// one slow item keeps its successors waiting), never the whole batch. Called on one thread only.
    /// </summary>
    /// <typeparam name="T">What is held for a waiting item: a projection, never the vendor's whole result.</typeparam>
    internal sealed class InputOrder<T>
    {
        private readonly Action<T> _release;
        private readonly Dictionary<long, T> _early = new();
        private long _next;

        /// <param name="release">Receives the items in input order.</param>
        public InputOrder(Action<T> release)
        {
            _release = release ?? throw new ArgumentNullException(nameof(release));
        }

        /// <summary>How many items arrived before one of their predecessors and are held.</summary>
        public int Waiting => _early.Count;

        /// <summary>
        /// Takes the item at <paramref name="index"/> (0-based input position) and releases it, and the held items
        /// that follow it without a gap, if it is the next in order. Returns whether anything was released.
        /// </summary>
        /// <exception cref="ArgumentException">The index was already taken or is negative: every input has one outcome.</exception>
        public bool Add(long index, T item)
        {
            if (index < _next || _early.ContainsKey(index))
            {
                throw new ArgumentException("The item at index " + index + " was already written.", nameof(index));
            }

            if (index != _next)
            {
                _early.Add(index, item);
                return false;
            }

            _release(item);
            _next++;
            while (_early.Remove(_next, out var successor))
            {
                _release(successor);
                _next++;
            }

            return true;
        }

        /// <summary>
        /// Releases whatever is still held, in index order, past any gap: at the end of a batch an input that never
        /// reported must not take the ones after it out of the report.
        /// </summary>
        public void ReleaseRemaining()
        {
            foreach (var index in _early.Keys.OrderBy(i => i).ToList())
            {
                _release(_early[index]);
                _early.Remove(index);
                _next = index + 1;
            }
        }
    }
}
