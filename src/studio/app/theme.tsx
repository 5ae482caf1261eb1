/**
 * The form's own small theme over rjsf's plain templates: list buttons with words and accessible
 * names ("Move entry up"), each item a labelled group, the login service shown only when access
 * is "login-required", and a text box for rich text with Bold, Italic and Link buttons.
 */
import {
  type ArrayFieldItemTemplateProps,
  ariaDescribedByIds,
  type FieldTemplateProps,
  getUiOptions,
  type IconButtonProps,
  type MultiSchemaFieldTemplateProps,
  type ObjectFieldTemplateProps,
  type TemplatesType,
  type WidgetProps,
} from '@rjsf/utils';
import { getDefaultRegistry } from '@rjsf/core';
import { type ReactNode, useRef, useState } from 'react';
import { parseBriefDate } from '../../brief/dates.js';
import { MONTHS } from '../../brief/months.js';
import { applyMark, type Mark } from './markup.js';

const itemLabel = (uiSchema: unknown): string => {
  const options = (uiSchema as { 'ui:options'?: { itemLabel?: string } } | undefined)?.['ui:options'];
  return options?.itemLabel ?? 'item';
};

function AddButton(props: IconButtonProps) {
  const { onClick, disabled, uiSchema, id, className } = props;
  return (
    <button type="button" id={id} className={`add ${className ?? ''}`} onClick={onClick} disabled={disabled}>
      Add {itemLabel(uiSchema)}
    </button>
  );
}

/** One item of a list (a section, an entry, a paragraph): a group named by its place, with its buttons. */
function ArrayFieldItemTemplate(props: ArrayFieldItemTemplateProps) {
  const { children, buttonsProps, hasToolbar, index, totalItems, parentUiSchema } = props;
  const label = itemLabel(parentUiSchema);
  const name = `${label[0]?.toUpperCase()}${label.slice(1)} ${index + 1} of ${totalItems}`;
  const b = buttonsProps;
  const button = (text: string, accessible: string, enabled: boolean, onClick: ((e: never) => void) | undefined, className: string): ReactNode => (
    <button
      type="button"
      className={className}
      aria-label={accessible}
      aria-disabled={enabled ? undefined : true}
      onClick={(event) => {
        if (!enabled || !onClick) return;
        const list = event.currentTarget.closest('.item')?.parentElement;
        (onClick as (e: unknown) => void)(event);
        if (list && (className === 'move-up' || className === 'move-down')) keepFocusOnMoved(list, index + (className === 'move-up' ? -1 : 1), className);
      }}
    >
      {text}
    </button>
  );
  return (
    // biome-ignore lint/a11y/useSemanticElements: a fieldset would add a second legend to the item's own
    <div className="item" role="group" aria-label={name}>
      <div className="item-body">{children}</div>
      {hasToolbar && (
        <div className="item-buttons">
          {(b.hasMoveUp || b.hasMoveDown) && button('Up', `Move ${label} up`, b.hasMoveUp && !b.disabled, b.onMoveUpItem, 'move-up')}
          {(b.hasMoveUp || b.hasMoveDown) && button('Down', `Move ${label} down`, b.hasMoveDown && !b.disabled, b.onMoveDownItem, 'move-down')}
          {b.hasCopy && button(`Duplicate ${label}`, `Duplicate ${label}`, !b.disabled, b.onCopyItem, 'copy')}
          {b.hasRemove && button(`Remove ${label}`, `Remove ${label}`, !b.disabled, b.onRemoveItem, 'remove')}
        </div>
      )}
    </div>
  );
}

/**
 * After Up or Down, the keyboard's focus goes with the item it moved (rjsf redraws the list, and
 * the focus was left on the page itself): to the same button on the item's new place, or, at the
 * end of the list where that one is unavailable, to the other.
 */
function keepFocusOnMoved(list: Element, to: number, pressed: 'move-up' | 'move-down'): void {
  requestAnimationFrame(() => {
    const item = list.querySelectorAll(':scope > .item')[to];
    const buttons = item?.querySelector(':scope > .item-buttons');
    const same = buttons?.querySelector<HTMLButtonElement>(`:scope > .${pressed}`);
    const other = buttons?.querySelector<HTMLButtonElement>(`:scope > .${pressed === 'move-up' ? 'move-down' : 'move-up'}`);
    (same?.getAttribute('aria-disabled') === 'true' ? other : same)?.focus();
  });
}

/** Whether a field is an item of a list, titled by its place ("Entry 2": formSchema.ts's `numbered`). */
const isItem = (uiSchema: unknown) => getUiOptions(uiSchema as never).item === true;

/**
 * A field with its label; a list item's title ("Entry 2", "List item 1") without the asterisk of a
 * required field, which an item always is, and without the description every item shares.
 */
function FieldTemplate(props: FieldTemplateProps) {
  const Default = getDefaultRegistry().templates.FieldTemplate;
  if (!isItem(props.uiSchema)) return <Default {...props} />;
  return <Default {...props} required={false} description={undefined} />;
}

/**
 * An object's fields; an entry's login service only when its access is "login-required". A list
 * item (a section) has its title without an asterisk, and not the description every item shares.
 */
function ObjectFieldTemplate(props: ObjectFieldTemplateProps) {
  const Default = getDefaultRegistry().templates.ObjectFieldTemplate;
  const data = props.formData as { access?: string } | undefined;
  const properties = props.properties.filter((p) => p.name !== 'loginService' || data?.access === 'login-required');
  const item = isItem(props.uiSchema);
  return <Default {...props} properties={properties} required={item ? false : props.required} description={item ? undefined : props.description} />;
}

/** Rich text: a text box with buttons that write the brief's inline markup around the selection. */
function RichTextWidget(props: WidgetProps) {
  const { id, value, onChange, onBlur, onFocus, disabled, readonly, required, schema, label } = props;
  const box = useRef<HTMLTextAreaElement>(null);
  const mark = (kind: Mark) => {
    const area = box.current;
    if (!area) return;
    const marked = applyMark(area.value, area.selectionStart, area.selectionEnd, kind);
    onChange(marked.value);
    requestAnimationFrame(() => {
      area.focus();
      area.setSelectionRange(marked.start, marked.end);
    });
  };
  const tool = (kind: Mark, text: string) => (
    <button type="button" className={`mark-${kind}`} disabled={disabled || readonly} onClick={() => mark(kind)}>
      {text}
    </button>
  );
  return (
    <div className="richtext">
      <div className="toolbar" role="toolbar" aria-label={`Format ${label || 'text'}`} aria-controls={id}>
        {tool('bold', 'Bold')}
        {tool('italic', 'Italic')}
        {tool('link', 'Link')}
      </div>
      <textarea
        ref={box}
        id={id}
        name={id}
        rows={3}
        value={typeof value === 'string' ? value : ''}
        required={required}
        disabled={disabled}
        readOnly={readonly}
        aria-describedby={ariaDescribedByIds(id, !!schema.examples)}
        onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
        onBlur={(e) => onBlur(id, e.target.value)}
        onFocus={(e) => onFocus(id, e.target.value)}
      />
    </div>
  );
}

/**
 * A field that is one of two kinds (a paragraph or a bullet list; an entry or a note): a plain
 * choice labelled with what it chooses between ("Entry or note"), then the field.
 */
function MultiSchemaFieldTemplate(props: MultiSchemaFieldTemplateProps) {
  const choice = getUiOptions(props.uiSchema).choice;
  return (
    <div className="choice">
      {/* biome-ignore lint/a11y/noLabelWithoutControl: the selector rjsf passes is the select it labels */}
      <label className="kind">
        <span>{typeof choice === 'string' ? choice : 'Kind'}</span> {props.selector}
      </label>
      {props.optionSchemaField}
    </div>
  );
}

/**
 * An entry's date: a text box that keeps what is typed ("updated 15 August 2025", "Spring 2018",
 * "n.d."), and under it a month and a year to choose, which write "March 2020" (or "2020" with no
 * month).
 */
function DateWidget(props: WidgetProps) {
  const { id, value, onChange, onBlur, onFocus, disabled, readonly, required, schema, options } = props;
  const text = typeof value === 'string' ? value : '';
  return (
    <div className="date">
      <input
        id={id}
        name={id}
        type="text"
        value={text}
        required={required}
        disabled={disabled}
        readOnly={readonly}
        list={schema.examples ? `${id}__examples` : undefined}
        aria-describedby={ariaDescribedByIds(id, !!schema.examples)}
        onChange={(e) => onChange(e.target.value === '' ? options.emptyValue : e.target.value)}
        onBlur={(e) => onBlur(id, e.target.value)}
        onFocus={(e) => onFocus(id, e.target.value)}
      />
      {Array.isArray(schema.examples) && (
        <datalist id={`${id}__examples`}>
          {(schema.examples as string[]).map((example) => (
            <option key={example} value={example} />
          ))}
        </datalist>
      )}
      <MonthYear id={id} text={text} disabled={disabled || readonly} onPick={onChange} />
    </div>
  );
}

/** The month and year a date's text says ("" for what it does not say). */
function monthYearOf(text: string): { month: string; year: string } {
  const read = parseBriefDate(text);
  return { month: read?.month !== undefined && read.season === undefined ? (MONTHS[read.month - 1] ?? '') : '', year: read ? String(read.year) : '' };
}

/**
 * The month and year of a date to choose, showing those of the text whenever it changes; a year is
 * written once it has its four digits (until then it is only in the box).
 */
function MonthYear({ id, text, disabled, onPick }: { id: string; text: string; disabled?: boolean; onPick: (date: string) => void }) {
  const [picked, setPicked] = useState(() => ({ text, ...monthYearOf(text) }));
  // The text changed (typed, undone): show its month and year (React's way of adjusting state to a new prop, during render).
  if (picked.text !== text) setPicked({ text, ...monthYearOf(text) });
  const pick = (month: string, year: string) => {
    const complete = /^[12][0-9]{3}$/.test(year);
    const written = complete ? (month ? `${month} ${year}` : year) : text;
    setPicked({ text: written, month, year });
    if (complete) onPick(written);
  };
  return (
    <fieldset className="date-picker">
      <legend>Or choose</legend>
      <label htmlFor={`${id}__month`}>Month</label>
      <select id={`${id}__month`} className="narrow" value={picked.month} disabled={disabled} onChange={(e) => pick(e.target.value, picked.year)}>
        <option value="">(no month)</option>
        {MONTHS.map((month) => (
          <option key={month} value={month}>
            {month}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}__year`}>Year</label>
      <input
        id={`${id}__year`}
        className="narrow"
        type="text"
        inputMode="numeric"
        size={5}
        maxLength={4}
        value={picked.year}
        disabled={disabled}
        onChange={(e) => pick(picked.month, e.target.value.trim())}
      />
    </fieldset>
  );
}

export const templates: Partial<TemplatesType> = {
  ArrayFieldItemTemplate,
  FieldTemplate,
  MultiSchemaFieldTemplate,
  ObjectFieldTemplate,
  ButtonTemplates: { ...getDefaultRegistry().templates.ButtonTemplates, AddButton },
};

export const widgets = { richtext: RichTextWidget, briefDate: DateWidget };
