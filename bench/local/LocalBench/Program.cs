using System.Diagnostics;
using System.Text;
using Deepfake;
using Deepfake.Local;

// generate <photo.jpg> <folder> <count> <megabytes>: multi-megabyte JPEGs, padded with COM segments before SOS,
//   every fourth one declaring trainedAlgorithmicMedia in XMP.
// scan <folder>: checks every file with the Local provider, one at a time, and prints
//   "<files> <seconds> <deepfakes>".
switch (args.FirstOrDefault())
{
    case "generate":
        Generate(args[1], args[2], int.Parse(args[3]), int.Parse(args[4]));
        return 0;
    case "scan":
        return await Scan(args[1]);
    default:
        Console.Error.WriteLine("usage: LocalBench generate <photo.jpg> <folder> <count> <megabytes> | scan <folder>");
        return 2;
}

static void Generate(string photoPath, string folder, int count, int megabytes)
{
    var photo = File.ReadAllBytes(photoPath);
    Directory.CreateDirectory(folder);
    var padding = new byte[65533 - 2];
    new Random(1).NextBytes(padding);
    var comment = Segment(0xFE, padding);
    var xmp = Segment(0xE1, Encoding.UTF8.GetBytes("http://ns.adobe.com/xap/1.0/\0<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><rdf:Description rdf:about=\"\" xmlns:Iptc4xmpExt=\"http://iptc.org/std/Iptc4xmpExt/2008-02-29/\" Iptc4xmpExt:DigitalSourceType=\"http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia\"/></rdf:RDF></x:xmpmeta>"));
    var segments = (megabytes * 1024L * 1024 - photo.Length) / comment.Length;
    for (var i = 0; i < count; i++)
    {
        using var file = new FileStream(Path.Combine(folder, $"photo{i:D4}.jpg"), FileMode.Create);
        file.Write(photo, 0, 2);
        if (i % 4 == 0)
        {
            file.Write(xmp);
        }

        for (var s = 0; s < segments; s++)
        {
            file.Write(comment);
        }

        file.Write(photo, 2, photo.Length - 2);
    }
}

static byte[] Segment(byte marker, byte[] payload)
{
    var segment = new byte[payload.Length + 4];
    segment[0] = 0xFF;
    segment[1] = marker;
    segment[2] = (byte)((payload.Length + 2) >> 8);
    segment[3] = (byte)(payload.Length + 2);
    payload.CopyTo(segment, 4);
    return segment;
}

static async Task<int> Scan(string folder)
{
    var files = Directory.GetFiles(folder).OrderBy(f => f, StringComparer.Ordinal).ToArray();
    using var provider = new LocalProvider();
    var deepfakes = 0;
    var stopwatch = Stopwatch.StartNew();
    foreach (var file in files)
    {
        var result = await provider.CheckAsync(DeepfakeInput.FromFile(file), CheckOptions.Default);
        if (result.Status == DeepfakeStatus.Deepfake)
        {
            deepfakes++;
        }
        else if (result.Status != DeepfakeStatus.Inconclusive)
        {
            Console.Error.WriteLine(result + " " + result.Message);
            return 1;
        }
    }

    Console.WriteLine(FormattableString.Invariant($"{files.Length} {stopwatch.Elapsed.TotalSeconds:0.000} {deepfakes}"));
    return 0;
}
