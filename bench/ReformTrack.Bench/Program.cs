using BenchmarkDotNet.Running;
using ReformTrack.Bench;

// "--scale-report FILE [--quick] [--only NAME]": the province-scale suite (ledger page, dashboard, deep page,
// appraisal, supervision, xlsx import and export), with its
// table of medians and ratios written to FILE. Anything else goes to BenchmarkDotNet's switcher.
if (args is ["--scale-report", var file, ..])
{
    return ScaleSuite.Run(file, args[2..]);
}

BenchmarkSwitcher.FromAssembly(typeof(LightRuleBenchmark).Assembly).Run(args);
return 0;
