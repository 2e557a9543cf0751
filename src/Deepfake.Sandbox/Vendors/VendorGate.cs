using Deepfake.Sandbox.Faults;
using Deepfake.Sandbox.Hosting;
using Deepfake.Sandbox.Markers;
using Microsoft.AspNetCore.Http;

namespace Deepfake.Sandbox.Vendors;

/// <summary>
/// The steps every vendor request shares: counting, latency, random and marker faults, the Verihubs quota,
/// and writing the final reply. A handler that gets <c>true</c> from a Try method must return at once:
/// the request was already answered (or the connection reset).
/// </summary>
internal sealed class VendorGate
{
    private readonly HttpContext _context;
    private readonly SandboxState _state;
    private readonly string _route;
    private string? _deliveryFault;
    private int _slowMilliseconds = SandboxMarker.DefaultSlowMilliseconds;
    private bool _quotaReserved;

    private VendorGate(HttpContext context, SandboxState state, string route)
    {
        _context = context;
        _state = state;
        _route = route;
    }

    public SandboxOptions Options => _state.Options;

    /// <summary>Counts the request, waits the configured latency and draws a random fault; null when that fault already answered.</summary>
    public static async Task<VendorGate?> EnterAsync(HttpContext context, SandboxState state, string route)
    {
        state.Stats.CountRequest(route);
        var gate = new VendorGate(context, state, route);
        var latency = state.Options.Latency;
        if (latency > TimeSpan.Zero && !await gate.DelayAsync(latency))
        {
            return null;
        }

        var fault = state.Faults.Random(state.Options.FaultRate);
        return fault is not null && await gate.TryInjectAsync(fault) ? null : gate;
    }

    /// <summary>Applies the marker's latency and its fault for this attempt with these bytes.</summary>
    public async Task<bool> TryApplyMarkerAsync(SandboxMarker marker, string imageHash)
    {
        _slowMilliseconds = marker.SlowMilliseconds;
        if (marker.LatencyMilliseconds > 0 && !await DelayAsync(TimeSpan.FromMilliseconds(marker.LatencyMilliseconds)))
        {
            ReleaseQuota();
            return true;
        }

        var fault = _state.Faults.ForMarker(_route, imageHash, marker);
        return fault is not null && await TryInjectAsync(fault);
    }

    /// <summary>Takes one unit of the Verihubs quota; false when it is used up.</summary>
    public bool TryReserveQuota()
    {
        _quotaReserved = _state.Stats.TryReserveQuota(_state.Options.VerihubsQuota);
        return _quotaReserved;
    }

    public Task WriteAsync(SandboxReply reply)
    {
        if (reply.Status != StatusCodes.Status200OK)
        {
            ReleaseQuota();
        }

        return ReplyWriter.WriteAsync(_context, reply, _deliveryFault, _slowMilliseconds, _state.Stats);
    }

    private async Task<bool> TryInjectAsync(string fault)
    {
        _state.Stats.CountFault(fault);
        switch (fault)
        {
            case FaultKinds.Truncated or FaultKinds.Slow:
                _deliveryFault = fault;
                return false;
            case FaultKinds.Reset:
                ReleaseQuota();
                _context.Abort();
                return true;
            case FaultKinds.Malformed:
                ReleaseQuota();
                await ReplyWriter.WriteAsync(_context, SandboxReply.Malformed(), null, 0, _state.Stats);
                return true;
            default:
                ReleaseQuota();
                await ReplyWriter.WriteAsync(_context, SandboxReply.ForStatusFault(fault), null, 0, _state.Stats);
                return true;
        }
    }

    private async Task<bool> DelayAsync(TimeSpan delay)
    {
        try
        {
            await Task.Delay(delay, _context.RequestAborted);
            return true;
        }
        catch (OperationCanceledException) when (_context.RequestAborted.IsCancellationRequested)
        {
            return false;
        }
    }

    private void ReleaseQuota()
    {
        if (_quotaReserved)
        {
            _quotaReserved = false;
            _state.Stats.ReleaseQuota();
        }
    }
}
