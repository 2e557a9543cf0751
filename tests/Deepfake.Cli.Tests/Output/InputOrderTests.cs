using Deepfake.Cli.Output;

namespace Deepfake.Tests.Output
{
    public sealed class InputOrderTests
    {
        [Fact]
        public void Shuffled_arrivals_come_out_in_input_order_and_the_waiting_set_drains()
        {
            var released = new List<int>();
            var order = new InputOrder<int>(released.Add);
            var arrivals = Enumerable.Range(0, 200).ToArray();
            new Random(7).Shuffle(arrivals);

            var maxWaiting = 0;
            foreach (var index in arrivals)
            {
                order.Add(index, index);
                maxWaiting = Math.Max(maxWaiting, order.Waiting);
                // Everything released so far is a gapless prefix of the input.
                Assert.Equal(Enumerable.Range(0, released.Count), released);
            }

            Assert.Equal(Enumerable.Range(0, 200), released);
            Assert.Equal(0, order.Waiting);
            Assert.True(maxWaiting > 0);
        }

        [Fact]
        public void Items_in_order_are_released_at_once_and_never_held()
        {
            var released = new List<string>();
            var order = new InputOrder<string>(released.Add);

            Assert.True(order.Add(0, "a"));
            Assert.True(order.Add(1, "b"));

            Assert.Equal(new[] { "a", "b" }, released);
            Assert.Equal(0, order.Waiting);
        }

        [Fact]
        public void An_item_far_out_of_order_holds_its_successors_until_it_arrives()
        {
            var released = new List<int>();
            var order = new InputOrder<int>(released.Add);

            Assert.True(order.Add(0, 0));
            for (var index = 2; index < 50; index++)
            {
                Assert.False(order.Add(index, index));
            }

            Assert.Equal(new[] { 0 }, released);
            Assert.Equal(48, order.Waiting);

            Assert.True(order.Add(1, 1));
            Assert.Equal(Enumerable.Range(0, 50), released);
            Assert.Equal(0, order.Waiting);

            Assert.True(order.Add(50, 50));
            Assert.Equal(50, released.Last());
        }

        [Fact]
        public void Remaining_items_are_released_in_order_past_a_gap_at_the_end()
        {
            var released = new List<int>();
            var order = new InputOrder<int>(released.Add);
            order.Add(3, 3);
            order.Add(1, 1);
            order.Add(0, 0);

            order.ReleaseRemaining();

            Assert.Equal(new[] { 0, 1, 3 }, released);
            Assert.Equal(0, order.Waiting);
            Assert.True(order.Add(4, 4));
        }

        [Fact]
        public void An_index_given_twice_is_refused()
        {
            var order = new InputOrder<int>(_ => { });
            order.Add(0, 0);
            order.Add(2, 2);

            Assert.Throws<ArgumentException>(() => order.Add(0, 0));
            Assert.Throws<ArgumentException>(() => order.Add(2, 2));
            Assert.Throws<ArgumentException>(() => order.Add(-1, 0));
        }
    }
}
