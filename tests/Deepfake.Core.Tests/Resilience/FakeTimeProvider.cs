namespace Deepfake.Tests.Resilience;

/// <summary>
/// A clock that moves only when told (Microsoft.Extensions.TimeProvider.Testing is not on the mirror). Timers
/// shorter than <see cref="AutoAdvanceBelow"/> fire at once and move the clock by their delay, so retry delays
/// pass without sleeping while timeouts wait for <see cref="Advance"/>. Every timer's due time is recorded.
/// </summary>
public sealed class FakeTimeProvider : TimeProvider
{
    private readonly object _gate = new();
    private readonly List<FakeTimer> _timers = new();
    private readonly List<TimeSpan> _requested = new();
    private DateTimeOffset _now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public TimeSpan AutoAdvanceBelow { get; init; } = TimeSpan.Zero;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    /// <summary>The due times of every timer started, in order.</summary>
    public IReadOnlyList<TimeSpan> RequestedTimers
    {
        get
        {
            lock (_gate)
            {
                return _requested.ToArray();
            }
        }
    }

    /// <summary>The due times of the timers that fired by themselves (the waits the code under test chose).</summary>
    public IReadOnlyList<TimeSpan> AutoAdvancedDelays
    {
        get
        {
            lock (_gate)
            {
                return _requested.Where(d => d > TimeSpan.Zero && d < AutoAdvanceBelow).ToArray();
            }
        }
    }

    public int PendingTimers
    {
        get
        {
            lock (_gate)
            {
                return _timers.Count;
            }
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new FakeTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    public void Advance(TimeSpan by)
    {
        List<FakeTimer> due;
        lock (_gate)
        {
            _now += by;
            due = _timers.Where(t => t.DueAt <= _now).ToList();
            foreach (var timer in due)
            {
                _timers.Remove(timer);
            }
        }

        foreach (var timer in due)
        {
            timer.Fire();
        }
    }

    private void Schedule(FakeTimer timer, TimeSpan dueTime)
    {
        lock (_gate)
        {
            _timers.Remove(timer);
            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                return;
            }

            _requested.Add(dueTime);

            if (dueTime < AutoAdvanceBelow)
            {
                _now += dueTime;
                ThreadPool.QueueUserWorkItem(_ => timer.Fire());
                return;
            }

            timer.DueAt = _now + dueTime;
            _timers.Add(timer);
        }
    }

    private void Cancel(FakeTimer timer)
    {
        lock (_gate)
        {
            _timers.Remove(timer);
        }
    }

    private sealed class FakeTimer : ITimer
    {
        private readonly FakeTimeProvider _owner;
        private readonly TimerCallback _callback;
        private readonly object? _state;
        private volatile bool _disposed;

        public FakeTimer(FakeTimeProvider owner, TimerCallback callback, object? state)
        {
            _owner = owner;
            _callback = callback;
            _state = state;
        }

        public DateTimeOffset DueAt { get; set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            if (_disposed)
            {
                return false;
            }

            _owner.Schedule(this, dueTime);
            return true;
        }

        public void Fire()
        {
            if (!_disposed)
            {
                _callback(_state);
            }
        }

        public void Dispose()
        {
            _disposed = true;
            _owner.Cancel(this);
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return default;
        }
    }
}
