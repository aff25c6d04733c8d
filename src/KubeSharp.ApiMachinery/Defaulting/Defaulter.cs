namespace KubeSharp.ApiMachinery.Defaulting;

// Placeholder until the validation branch lands; replaced wholesale by it.
public static class Defaulter
{
    public static void Apply(object obj)
    {
    }
}
