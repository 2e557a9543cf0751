using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;

namespace Deepfake
{
    /// <summary>
    /// An immutable list whose <see cref="ToString"/> reads as text, so that Export-Csv, the CSV writer and
    /// string interpolation show its items instead of a type name.
    /// </summary>
    public sealed class ReadableList<T> : ReadOnlyCollection<T>
    {
        /// <summary>The empty list.</summary>
        public static readonly ReadableList<T> None = new ReadableList<T>(new List<T>());

        public ReadableList(IList<T> items)
            : base(items)
        {
        }

        public static ReadableList<T> From(IEnumerable<T>? items)
        {
            if (items is null)
            {
                return None;
            }

            var list = items.ToList();
            return list.Count == 0 ? None : new ReadableList<T>(list);
        }

        public override string ToString() => string.Join("; ", this.Select(item => item?.ToString()));
    }
}
