import { SelectField, type SelectFieldProps } from '../../../components/form-field';
import type { CategoryChoice } from '../category-choices';

/** The category a product sits in, picked from the tree; `placeholder` while none is picked. */
export function CategoryField({
  choices,
  placeholder,
  ...field
}: Omit<SelectFieldProps, 'label' | 'children'> & {
  choices: CategoryChoice[];
  placeholder?: string;
}) {
  return (
    <SelectField label="Category" {...field}>
      {placeholder ? <option value="">{placeholder}</option> : null}
      {choices.map((choice) => (
        <option key={choice.slug} value={choice.slug}>
          {choice.label}
        </option>
      ))}
    </SelectField>
  );
}
