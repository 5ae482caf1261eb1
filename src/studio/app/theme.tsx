/**
 * The form's own small theme over rjsf's plain templates: list buttons with words and accessible
 * names ("Move entry up"), each item a labelled group, the login service shown only when access
 * is "login-required", and a text box for rich text with Bold, Italic and Link buttons.
 */
import {
  type ArrayFieldItemTemplateProps,
  ariaDescribedByIds,
  type IconButtonProps,
  type MultiSchemaFieldTemplateProps,
  type ObjectFieldTemplateProps,
  type TemplatesType,
  type WidgetProps,
} from '@rjsf/utils';
import { getDefaultRegistry } from '@rjsf/core';
import { type ReactNode, useRef } from 'react';
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
        if (enabled && onClick) (onClick as (e: unknown) => void)(event);
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
          {b.hasCopy && button('Duplicate', `Duplicate ${label}`, !b.disabled, b.onCopyItem, 'copy')}
          {b.hasRemove && button('Remove', `Remove ${label}`, !b.disabled, b.onRemoveItem, 'remove')}
        </div>
      )}
    </div>
  );
}

/** An object's fields; an entry's login service only when its access is "login-required". */
function ObjectFieldTemplate(props: ObjectFieldTemplateProps) {
  const Default = getDefaultRegistry().templates.ObjectFieldTemplate;
  const data = props.formData as { access?: string } | undefined;
  const properties = props.properties.filter((p) => p.name !== 'loginService' || data?.access === 'login-required');
  return <Default {...props} properties={properties} />;
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

/** A field that is one of two kinds (a paragraph or a bullet list; an entry or a note): the choice, labelled, then the field. */
function MultiSchemaFieldTemplate(props: MultiSchemaFieldTemplateProps) {
  return (
    <div className="choice">
      {/* biome-ignore lint/a11y/noLabelWithoutControl: the selector rjsf passes is the select it labels */}
      <label className="kind">Kind {props.selector}</label>
      {props.optionSchemaField}
    </div>
  );
}

export const templates: Partial<TemplatesType> = {
  ArrayFieldItemTemplate,
  MultiSchemaFieldTemplate,
  ObjectFieldTemplate,
  ButtonTemplates: { ...getDefaultRegistry().templates.ButtonTemplates, AddButton },
};

export const widgets = { richtext: RichTextWidget };
