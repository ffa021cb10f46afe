/**
 * Message attributes of type String for SNS and SQS, named by the contract's
 * attribute tables. Absent or empty values are left out: both services reject empty ones.
 */
export function stringAttributes<Field extends string>(
  names: Readonly<Record<Field, string>>,
  values: Readonly<Record<Field, string | undefined>>,
): Record<string, { DataType: 'String'; StringValue: string }> {
  const attributes: Record<string, { DataType: 'String'; StringValue: string }> = {};
  for (const field of Object.keys(names) as Field[]) {
    const value = values[field];
    if (value !== undefined && value !== '') {
      attributes[names[field]] = { DataType: 'String', StringValue: value };
    }
  }
  return attributes;
}
