using System.Runtime.CompilerServices;

// Types that moved to MlNetMlp.Scoring in 0.3 (a layer description names its kernel initializer); applications
// built against 0.2, where they were here, still find them.
[assembly: TypeForwardedTo(typeof(MlNetMlp.MlpKernelInitializer))]
