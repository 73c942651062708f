using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(ReformTrack.Bench.LightRuleBenchmark).Assembly).Run(args);
