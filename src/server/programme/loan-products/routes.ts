import { ERROR_RESPONSES } from '../../platform/http/error-body.js';
import type { App, AppDeps } from '../../platform/http/types.js';
import {
  AddProductValueBody,
  ProductParams,
  ProductQuery,
  ProductValueView,
  ProductView,
} from './contract.js';
import * as products from './service.js';

/** Loan products: read with loan.product.read, a dated value added with loan.product.manage. */
export function registerLoanProductsRoutes(app: App, deps: AppDeps): void {
  const tags = ['贷款产品 loan products'];
  app.get('/api/loan-products/:product', {
    schema: {
      tags,
      summary: '某地某日适用的贷款产品参数（含依据文件和历史取值）',
      params: ProductParams,
      querystring: ProductQuery,
      response: { 200: ProductView, ...ERROR_RESPONSES },
    },
    handler: (req) => products.getProduct(deps, req.ctx, req.params, req.query),
  });
  app.post('/api/loan-products/:product/values', {
    schema: {
      tags,
      summary: '录入一项产品参数的新取值（依据文件、适用地区、生效期）',
      params: ProductParams,
      body: AddProductValueBody,
      response: { 200: ProductValueView, ...ERROR_RESPONSES },
    },
    config: { action: 'loan_product.value_add' },
    handler: (req) => products.addProductValue(deps, req.ctx, req.params, req.body),
  });
}
