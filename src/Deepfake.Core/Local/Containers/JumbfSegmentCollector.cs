using System.Collections.Generic;
using System.Linq;

namespace Deepfake.Local.Containers
{
    /// <summary>
    /// Reassembles JUMBF boxes split across JPEG APP11 segments (JPEG XT, ISO/IEC 18477-3 and ISO/IEC 19566-5 D.2):
    /// each segment carries the common identifier "JP", a box instance number, a packet sequence number and a
    /// slice of the box; every packet after the first repeats the box header, which is dropped when joining.
    /// </summary>
    internal sealed class JumbfSegmentCollector
    {
        private const int PacketHeaderLength = 8;
        private readonly LocalOptions _options;
        private readonly MetadataBlocks _blocks;
        private readonly string _location;
        private readonly Dictionary<int, List<Packet>> _instances = new Dictionary<int, List<Packet>>();
        private readonly List<int> _order = new List<int>();
        private long _storedBytes;
        private bool _overBudget;

        public JumbfSegmentCollector(LocalOptions options, MetadataBlocks blocks, string location)
        {
            _options = options;
            _blocks = blocks;
            _location = location;
        }

        public void AddJpegSegment(byte[] payload, long offset)
        {
            // Not "JP": another APP11 use (or garbage); it carries no JUMBF.
            if (payload.Length < PacketHeaderLength + 8 || payload[0] != (byte)'J' || payload[1] != (byte)'P')
            {
                if (payload.Length >= 2 && payload[0] == (byte)'J' && payload[1] == (byte)'P')
                {
                    _blocks.ManifestProblems.Add("an APP11 JUMBF segment at offset " + offset + " is too short to hold a box");
                }

                return;
            }

            if (_storedBytes + payload.Length > _options.MaxManifestStoreBytes)
            {
                if (!_overBudget)
                {
                    _overBudget = true;
                    _blocks.Skipped.Add("JUMBF data beyond " + _options.MaxManifestStoreBytes + " bytes");
                }

                return;
            }

            _storedBytes += payload.Length;
            var instance = StreamReading.ReadUInt16BigEndian(payload, 2);
            var sequence = StreamReading.ReadUInt32BigEndian(payload, 4);
            if (!_instances.TryGetValue(instance, out var packets))
            {
                packets = new List<Packet>();
                _instances.Add(instance, packets);
                _order.Add(instance);
            }

            packets.Add(new Packet(sequence, payload));
        }

        public void Complete()
        {
            foreach (var instance in _order)
            {
                var packets = _instances[instance].OrderBy(p => p.Sequence).ToList();
                var joined = Join(instance, packets);
                if (joined != null)
                {
                    _blocks.ManifestStores.Add(new MetadataBlock(joined, _location));
                }
            }
        }

        private byte[]? Join(int instance, List<Packet> packets)
        {
            for (var i = 0; i < packets.Count; i++)
            {
                if (packets[i].Sequence != i + 1)
                {
                    _blocks.ManifestProblems.Add("JUMBF box instance " + instance + " is missing packet " + (i + 1) + " of its APP11 segments");
                    return null;
                }
            }

            var first = packets[0].Payload;
            var lbox = StreamReading.ReadUInt32BigEndian(first, PacketHeaderLength);
            var boxHeaderLength = lbox == 1 ? 16 : 8;
            long total = first.Length - PacketHeaderLength;
            for (var i = 1; i < packets.Count; i++)
            {
                total += packets[i].Payload.Length - PacketHeaderLength - boxHeaderLength;
            }

            if (total <= 0 || packets.Skip(1).Any(p => p.Payload.Length < PacketHeaderLength + boxHeaderLength))
            {
                _blocks.ManifestProblems.Add("JUMBF box instance " + instance + " has APP11 packets too short to hold the repeated box header");
                return null;
            }

            var joined = new byte[total];
            var at = 0;
            System.Array.Copy(first, PacketHeaderLength, joined, 0, first.Length - PacketHeaderLength);
            at += first.Length - PacketHeaderLength;
            for (var i = 1; i < packets.Count; i++)
            {
                var p = packets[i].Payload;
                var skip = PacketHeaderLength + boxHeaderLength;
                System.Array.Copy(p, skip, joined, at, p.Length - skip);
                at += p.Length - skip;
            }

            return joined;
        }

        private readonly struct Packet
        {
            public Packet(uint sequence, byte[] payload)
            {
                Sequence = sequence;
                Payload = payload;
            }

            public uint Sequence { get; }

            public byte[] Payload { get; }
        }
    }
}
