namespace KubeSharp.ApiMachinery.Validation;

// Placeholder until the validation branch lands; replaced wholesale by it.
public static class Validator
{
    public static List<FieldError> ValidateCreate(object obj) => [];

    public static List<FieldError> ValidateUpdate(object newObj, object oldObj) => [];
}
