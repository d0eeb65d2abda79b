using System.ComponentModel;
using System.Globalization;

namespace Tracker.LocalHost.Invocation;

/// <summary>Converts route values (strings) to a parameter's type, invariantly, as the worker's converters do.</summary>
internal static class RouteValueConverter
{
    public static bool CanConvert(Type type)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (target == typeof(string) || target == typeof(object))
        {
            return true;
        }

        return TypeDescriptor.GetConverter(target).CanConvertFrom(typeof(string));
    }

    public static bool TryConvert(object? value, Type type, out object? converted)
    {
        converted = null;
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (value is null || (value is string s && s.Length == 0))
        {
            converted = null;
            return !type.IsValueType || Nullable.GetUnderlyingType(type) is not null;
        }

        if (target.IsInstanceOfType(value))
        {
            converted = value;
            return true;
        }

        var text = Convert.ToString(value, CultureInfo.InvariantCulture);
        if (target == typeof(string))
        {
            converted = text;
            return true;
        }

        try
        {
            converted = TypeDescriptor.GetConverter(target).ConvertFromInvariantString(text!);
            return converted is not null;
        }
        catch (Exception ex) when (ex is FormatException or NotSupportedException or ArgumentException or OverflowException || ex.InnerException is FormatException or OverflowException)
        {
            return false;
        }
    }
}
