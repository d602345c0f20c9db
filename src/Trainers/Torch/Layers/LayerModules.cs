using System.Reflection;

namespace MlNetMlp.Trainers.Torch.Layers;

/// <summary>
/// Builds the torch module of a layer description: the module type derived from <see cref="LayerModule{TLayer}"/> for
/// its kind, found in this assembly, so a new kind's module needs no registration here.
/// </summary>
internal static class LayerModules
{
    private static readonly Dictionary<Type, ConstructorInfo> Constructors = typeof(LayerModule).Assembly.GetTypes()
        .Where(type => !type.IsAbstract && type.BaseType is { IsGenericType: true } parent && parent.GetGenericTypeDefinition() == typeof(LayerModule<>))
        .ToDictionary(type => type.BaseType!.GetGenericArguments()[0], type => type.GetConstructor([type.BaseType!.GetGenericArguments()[0], typeof(LayerBuild)])
            ?? throw new InvalidOperationException($"{type.Name} needs a constructor ({type.BaseType!.GetGenericArguments()[0].Name}, {nameof(LayerBuild)})."));

    /// <summary>The layer types that have a torch module.</summary>
    public static IEnumerable<Type> Kinds => Constructors.Keys;

    public static LayerModule Create(MlpLayer layer, LayerBuild build)
    {
        if (!Constructors.TryGetValue(layer.GetType(), out var constructor))
        {
            throw new NotSupportedException($"Layer {layer}: no torch module for {layer.GetType().Name} (modules exist for {string.Join(", ", Kinds.Select(k => k.Name))}).");
        }

        try
        {
            return (LayerModule)constructor.Invoke([layer, build]);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }
}
