using BenchmarkDotNet.Attributes;
using ReformTrack.Modules.Ledger;

namespace ReformTrack.Bench;

/// <summary>
/// The light of every measure of a province-sized ledger (200,000 rows) computed in memory,
/// as a page or an export does for the rows it returns.
/// </summary>
[MemoryDiagnoser]
public class LightRuleBenchmark
{
    private (DateOnly Start, DateOnly Due, int Progress)[] _rows = [];
    private readonly DateOnly _today = new(2026, 11, 28);

    [Params(200_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        _rows = Enumerable.Range(0, Rows).Select(_ =>
        {
            var start = new DateOnly(2024, 1, 1).AddDays(random.Next(0, 900));
            return (start, start.AddDays(random.Next(30, 720)), random.Next(0, 101));
        }).ToArray();
    }

    [Benchmark]
    public int CountRed()
    {
        var red = 0;
        foreach (var (start, due, progress) in _rows)
        {
            if (LightRule.Compute(MeasureStatus.Active, start, due, progress, _today, LightThresholds.Default) == Light.Red)
            {
                red++;
            }
        }

        return red;
    }
}
